// Version 2: transfers to a records center and the boxes in each. What was sent is kept as the frozen manifest
// (JSON) with its fingerprint, so later edits to the catalog never change the record of what left the office.
import type { Database } from '../database';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE transfer (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE COLLATE NOCASE,
      -- No foreign key: deleting a center profile must not rewrite transfers. A sent transfer keeps the center in its
      -- manifest; a draft whose center is gone fails validation with a message saying so.
      records_center_id INTEGER NOT NULL,
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready', 'sent', 'received', 'accessioned')),
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      sent_at TEXT,
      manifest_json TEXT CHECK (manifest_json IS NULL OR json_valid(manifest_json)),
      fingerprint TEXT CHECK (fingerprint IS NULL OR (length(fingerprint) = 64 AND fingerprint NOT GLOB '*[^0-9a-f]*')),
      -- Once sent, the manifest and its fingerprint exist together or not at all.
      CHECK (status IN ('draft', 'ready') OR (manifest_json IS NOT NULL AND fingerprint IS NOT NULL AND sent_at IS NOT NULL))
    );
    CREATE INDEX transfer_status ON transfer (status);
    CREATE INDEX transfer_records_center ON transfer (records_center_id);

    -- The id is for the history log (undo restores rows by id); a box is in a transfer at most once.
    CREATE TABLE transfer_box (
      id INTEGER PRIMARY KEY,
      transfer_id INTEGER NOT NULL REFERENCES transfer (id) ON DELETE CASCADE,
      box_id INTEGER NOT NULL REFERENCES box (id) ON DELETE CASCADE,
      sequence INTEGER NOT NULL CHECK (sequence >= 1),
      UNIQUE (transfer_id, box_id)
    );
    CREATE INDEX transfer_box_order ON transfer_box (transfer_id, sequence);
    CREATE INDEX transfer_box_box ON transfer_box (box_id);

    -- A sent transfer's record is what both sides hold, and paperwork outlives the records: never rewritten or deleted.
    CREATE TRIGGER transfer_frozen BEFORE UPDATE ON transfer
      WHEN old.manifest_json IS NOT NULL AND (new.manifest_json IS NOT old.manifest_json
        OR new.fingerprint IS NOT old.fingerprint OR new.sent_at IS NOT old.sent_at OR new.number IS NOT old.number) BEGIN
      SELECT RAISE(ABORT, 'a sent transfer''s manifest is frozen');
    END;
    CREATE TRIGGER transfer_kept BEFORE DELETE ON transfer WHEN old.manifest_json IS NOT NULL BEGIN
      SELECT RAISE(ABORT, 'a sent transfer is kept');
    END;
  `);
}
