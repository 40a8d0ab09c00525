// Version 6: electronic records on a transfer. Each file is kept by reference (where it is on disk) with the size
// and SHA-256 taken when it was added; the package copies it into data/records/ and refuses it if it has changed.
import type { Database } from '../database';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE transfer_file (
      id INTEGER PRIMARY KEY,
      transfer_id INTEGER NOT NULL REFERENCES transfer (id),
      source_path TEXT NOT NULL,
      relative_path TEXT NOT NULL,
      size INTEGER NOT NULL CHECK (size >= 0),
      sha256 TEXT NOT NULL,
      media_type TEXT NOT NULL,
      added_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX transfer_file_path ON transfer_file (transfer_id, relative_path);
  `);
}
