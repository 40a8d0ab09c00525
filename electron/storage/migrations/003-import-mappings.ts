// Version 3: column mappings saved by name, so the next box list laid out the same way imports in one step.
import type { Database } from '../database';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE import_mapping (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      kind TEXT NOT NULL CHECK (kind IN ('inventory', 'schedule')),
      -- The headings the mapping was made on; a later file's columns are matched to them by name.
      headings_json TEXT NOT NULL CHECK (json_valid(headings_json)),
      mapping_json TEXT NOT NULL CHECK (json_valid(mapping_json)),
      created_at TEXT NOT NULL
    );
  `);
}
