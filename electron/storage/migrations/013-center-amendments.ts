// Version 13: the corrections a department sent after a transfer (transmittal-amendments/1) as a records center
// received them, one row per amendment of an accession by the department's own numbering, so the same file taken in
// again applies nothing twice. An amendment the center could not apply (its value had changed since) is kept too,
// with why, and never applied later: the department answers it with a new amendment.
import type { Database } from '../database';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE center_amendment (
      id INTEGER PRIMARY KEY,
      accession_id INTEGER NOT NULL REFERENCES accession (id),
      -- The department's number for the amendment (its id in the file).
      amendment_id INTEGER NOT NULL,
      box_sequence INTEGER NOT NULL,
      box_label TEXT NOT NULL,
      -- Null when the box itself was corrected.
      folder_position INTEGER,
      folder_title TEXT,
      field TEXT NOT NULL,
      -- The values as JSON (a string, a number, true/false or null), exactly as the file gave them.
      before_value TEXT NOT NULL,
      after_value TEXT NOT NULL,
      reason TEXT NOT NULL,
      -- When and by whom the department made the correction.
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      received_at TEXT NOT NULL,
      received_by TEXT NOT NULL,
      -- Null when it was not applied: conflict then says why.
      applied_at TEXT,
      conflict TEXT,
      UNIQUE (accession_id, amendment_id)
    );
  `);
}
