// Version 11: a records center's holdings (see electron/center/). The departments that send, each transfer taken in
// as an accession (its manifest kept as received, by fingerprint), the boxes and folders exactly as sent beside the
// center's own numbers and check-in findings, the shelf locations, and every discrepancy. Custody events of holding
// boxes go in custody_event (its box_id names a holding_box here, its transfer_id an accession). Plain SQL only,
// apart from the FTS4 search table (sql.js has no FTS5).
import type { Database } from '../database';

export function up(db: Database): void {
  db.exec(`
    -- A department as its manifests name it; match_key (its code, or its name when it has none) finds it again.
    CREATE TABLE center_department (
      id INTEGER PRIMARY KEY,
      match_key TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      code TEXT NOT NULL DEFAULT '',
      address TEXT NOT NULL DEFAULT '',
      contact_name TEXT NOT NULL DEFAULT '',
      contact_phone TEXT NOT NULL DEFAULT '',
      contact_email TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE accession (
      id INTEGER PRIMARY KEY,
      department_id INTEGER NOT NULL REFERENCES center_department (id),
      transfer_number TEXT NOT NULL,
      accession_number TEXT NOT NULL UNIQUE,
      manifest_format TEXT NOT NULL,
      -- The manifest as received, never rewritten: its fingerprint is what both sides compare.
      manifest_json TEXT NOT NULL,
      manifest_fingerprint TEXT NOT NULL UNIQUE,
      source TEXT NOT NULL CHECK (source IN ('package', 'manifest')),
      source_name TEXT NOT NULL,
      received_at TEXT NOT NULL,
      received_by TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'accessioned')),
      accessioned_at TEXT,
      accessioned_by TEXT,
      acknowledged_at TEXT,
      acknowledgment_fingerprint TEXT,
      UNIQUE (department_id, transfer_number)
    );

    -- One row per shelf position; a position holds one box (holding_box.location_id is UNIQUE).
    CREATE TABLE location (
      id INTEGER PRIMARY KEY,
      building TEXT NOT NULL,
      room TEXT NOT NULL DEFAULT '',
      row_label TEXT NOT NULL,
      bay TEXT NOT NULL,
      shelf TEXT NOT NULL,
      position TEXT NOT NULL,
      -- The address with its numbers zero-padded, so "Row 10" sorts after "Row 9".
      sort_key TEXT NOT NULL,
      capacity_cubic_feet REAL NOT NULL CHECK (capacity_cubic_feet > 0),
      created_at TEXT NOT NULL,
      UNIQUE (building, room, row_label, bay, shelf, position)
    );
    CREATE INDEX location_order ON location (sort_key);

    -- A box as the manifest listed it (sequence and box_code set), or an extra box that came without being listed
    -- (both null, label holds what was written on it as the center read it).
    CREATE TABLE holding_box (
      id INTEGER PRIMARY KEY,
      accession_id INTEGER NOT NULL REFERENCES accession (id),
      sequence INTEGER,
      box_code TEXT,
      label TEXT NOT NULL DEFAULT '',
      cubic_feet REAL NOT NULL DEFAULT 0,
      item_numbers TEXT NOT NULL DEFAULT '[]',
      date_from TEXT,
      date_to TEXT,
      disposition_date TEXT,
      disposition_waits_for TEXT,
      confidential INTEGER NOT NULL DEFAULT 0,
      center_box_number INTEGER UNIQUE,
      location_id INTEGER UNIQUE REFERENCES location (id),
      status TEXT NOT NULL DEFAULT 'expected' CHECK (status IN ('expected', 'received', 'damaged', 'missing', 'extra')),
      note TEXT NOT NULL DEFAULT '',
      checked_in_at TEXT,
      checked_in_by TEXT,
      UNIQUE (accession_id, sequence),
      UNIQUE (accession_id, box_code)
    );
    CREATE INDEX holding_box_code ON holding_box (box_code);

    CREATE TABLE holding_folder (
      id INTEGER PRIMARY KEY,
      box_id INTEGER NOT NULL REFERENCES holding_box (id),
      position INTEGER NOT NULL,
      title TEXT NOT NULL,
      file_code TEXT NOT NULL DEFAULT '',
      item_number TEXT,
      begin_date TEXT NOT NULL DEFAULT '',
      end_date TEXT NOT NULL DEFAULT '',
      event_date TEXT NOT NULL DEFAULT '',
      disposition_date TEXT,
      disposition_status TEXT NOT NULL,
      confidential INTEGER NOT NULL DEFAULT 0,
      legal_hold INTEGER NOT NULL DEFAULT 0,
      notes TEXT NOT NULL DEFAULT '',
      UNIQUE (box_id, position)
    );

    -- Words of every folder's title, file code and notes and its box's label, by folder id (docid). Rows are
    -- written by the intake in bulk, never changed: holdings stay as sent.
    CREATE VIRTUAL TABLE holding_search USING fts4 (
      title, file_code, notes, box_label, prefix="2,3", tokenize=unicode61 "remove_diacritics=2"
    );

    CREATE TABLE discrepancy (
      id INTEGER PRIMARY KEY,
      accession_id INTEGER NOT NULL REFERENCES accession (id),
      holding_box_id INTEGER REFERENCES holding_box (id),
      folder_position INTEGER,
      kind TEXT NOT NULL CHECK (kind IN ('missing', 'damaged', 'extra', 'folder-missing', 'folder-extra', 'folder-different', 'other')),
      description TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL
    );
    CREATE INDEX discrepancy_accession ON discrepancy (accession_id, id);
  `);
  db.run("INSERT INTO meta (key, value) VALUES ('accession_number_pattern', '{DEPT}-{YYYY}-{NNNN}') ON CONFLICT (key) DO NOTHING");
}
