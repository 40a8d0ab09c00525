// Version 16: a department's legal hold files as sent, and the records center's acknowledgment of each.
// Each hold file written for the center is kept by its seal (the file itself can be written again from the hold);
// when the center's acknowledgment naming that seal is taken in, the row says when the center took the file in, by
// whom, under what number, and what the center holds under it now.
// At a center, a department's hold keeps when its latest file was taken in and by whom, for the acknowledgment; and
// holding boxes are indexed by disposition date, for the due list of a period.
// Plain SQL only.
import type { Database } from '../database';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE legal_hold_file (
      id INTEGER PRIMARY KEY,
      hold_id INTEGER NOT NULL REFERENCES legal_hold (id),
      fingerprint TEXT NOT NULL UNIQUE,
      -- 'in-force' or 'lifted': the hold as the file states it.
      state TEXT NOT NULL CHECK (state IN ('in-force', 'lifted')),
      boxes INTEGER NOT NULL,
      folders INTEGER NOT NULL,
      center_name TEXT NOT NULL,
      written_at TEXT NOT NULL,
      written_by TEXT NOT NULL,
      -- Set from the center's acknowledgment.
      acknowledgment_fingerprint TEXT UNIQUE,
      acknowledgment_json TEXT,
      center_number TEXT,
      taken_in_at TEXT,
      taken_in_by TEXT,
      center_boxes INTEGER,
      center_folders INTEGER,
      acknowledged_at TEXT,
      acknowledged_by TEXT
    );
    CREATE INDEX legal_hold_file_hold ON legal_hold_file (hold_id);
    ALTER TABLE legal_hold ADD COLUMN taken_in_at TEXT;
    ALTER TABLE legal_hold ADD COLUMN taken_in_by TEXT;
    -- A due list reads only the boxes dated in its period.
    CREATE INDEX holding_box_disposition_date ON holding_box (disposition_date);
    -- The few folders on hold, found without reading every folder.
    CREATE INDEX holding_folder_on_hold ON holding_folder (box_id, position) WHERE legal_hold = 1;
  `);
}
