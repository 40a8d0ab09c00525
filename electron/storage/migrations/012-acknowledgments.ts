// Version 12: the acknowledgments a department took in from its records center, one per file (by its fingerprint,
// so the same one imported twice changes nothing), each answering one sent transfer; and where each box is at the
// center as the latest acknowledgment says (accession, center box number, shelf location), for the catalog to show.
import type { Database } from '../database';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE acknowledgment (
      id INTEGER PRIMARY KEY,
      transfer_id INTEGER NOT NULL REFERENCES transfer (id),
      fingerprint TEXT NOT NULL UNIQUE,
      accession_number TEXT NOT NULL,
      json TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      imported_by TEXT NOT NULL
    );
    CREATE INDEX acknowledgment_transfer ON acknowledgment (transfer_id, id);
    CREATE TABLE box_at_center (
      box_id INTEGER PRIMARY KEY,
      transfer_id INTEGER NOT NULL REFERENCES transfer (id),
      center_name TEXT NOT NULL,
      accession_number TEXT NOT NULL,
      center_box_number TEXT,
      location TEXT,
      status TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL
    );
  `);
}
