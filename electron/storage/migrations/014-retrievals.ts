// Version 14: getting records back, on both sides (shared/exchange/retrieval.ts). A department's requests (each
// written once, kept by its fingerprint) with the boxes and folders each asks for and where each stands as the
// center's latest update says, and every update taken in (by fingerprint, so the same file twice changes nothing).
// A records center's requests taken in, each item naming the holding box it concerns, and which of its custody
// events belong to which request (numbered for the updates). A withdrawn holding box keeps its row, with the day it
// left. Plain SQL only.
import type { Database } from '../database';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE retrieval_request (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      service TEXT NOT NULL CHECK (service IN ('box-loan', 'folder-loan', 'copy', 'review', 'withdrawal')),
      urgency TEXT NOT NULL CHECK (urgency IN ('routine', 'urgent')),
      center_name TEXT NOT NULL,
      needed_by TEXT,
      due_by TEXT,
      requested_by TEXT NOT NULL,
      needed_for TEXT NOT NULL DEFAULT '',
      deliver_to TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      -- The request file as written, and its seal.
      json TEXT NOT NULL,
      fingerprint TEXT NOT NULL UNIQUE,
      -- 'requested' until the center's first update, then the center's status.
      status TEXT NOT NULL DEFAULT 'requested',
      answer_note TEXT,
      answer_files TEXT,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX retrieval_request_status ON retrieval_request (status, due_by);

    CREATE TABLE retrieval_item (
      id INTEGER PRIMARY KEY,
      request_id INTEGER NOT NULL REFERENCES retrieval_request (id),
      -- No foreign key: a withdrawn box is the office's again, and its folders may be edited or removed; the request
      -- file keeps what was asked for.
      box_id INTEGER NOT NULL,
      folder_id INTEGER,
      transfer_id INTEGER NOT NULL REFERENCES transfer (id),
      status TEXT NOT NULL DEFAULT 'requested',
      checked_out_to TEXT,
      checked_out_at TEXT,
      due_back TEXT,
      location TEXT
    );
    CREATE INDEX retrieval_item_request ON retrieval_item (request_id, id);
    CREATE INDEX retrieval_item_box ON retrieval_item (box_id);
    CREATE INDEX retrieval_item_folder ON retrieval_item (folder_id);

    CREATE TABLE retrieval_update (
      id INTEGER PRIMARY KEY,
      request_id INTEGER NOT NULL REFERENCES retrieval_request (id),
      fingerprint TEXT NOT NULL UNIQUE,
      json TEXT NOT NULL,
      status TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      -- The highest event number taken in so far from this request's updates.
      last_event_seq INTEGER NOT NULL,
      imported_at TEXT NOT NULL,
      imported_by TEXT NOT NULL
    );
    CREATE INDEX retrieval_update_request ON retrieval_update (request_id, id);

    CREATE TABLE center_request (
      id INTEGER PRIMARY KEY,
      department_id INTEGER NOT NULL REFERENCES center_department (id),
      number TEXT NOT NULL,
      fingerprint TEXT NOT NULL UNIQUE,
      service TEXT NOT NULL CHECK (service IN ('box-loan', 'folder-loan', 'copy', 'review', 'withdrawal')),
      urgency TEXT NOT NULL CHECK (urgency IN ('routine', 'urgent')),
      needed_by TEXT,
      due_by TEXT,
      requested_by TEXT NOT NULL,
      needed_for TEXT NOT NULL DEFAULT '',
      deliver_to TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      -- The request file as received, never rewritten.
      json TEXT NOT NULL,
      received_at TEXT NOT NULL,
      received_by TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pulled', 'checked-out', 'returned', 'answered', 'withdrawn', 'refused')),
      -- The day the queue sorts by: due_by, else needed_by, else the day it was received.
      queue_date TEXT NOT NULL,
      answer_note TEXT,
      answer_files TEXT,
      refusal TEXT,
      closed_at TEXT,
      UNIQUE (department_id, number)
    );
    CREATE INDEX center_request_queue ON center_request (status, queue_date, id);

    CREATE TABLE center_request_item (
      id INTEGER PRIMARY KEY,
      request_id INTEGER NOT NULL REFERENCES center_request (id),
      holding_box_id INTEGER NOT NULL REFERENCES holding_box (id),
      folder_position INTEGER,
      status TEXT NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'pulled', 'checked-out', 'returned', 'refiled', 'withdrawn')),
      checked_out_to TEXT,
      checked_out_at TEXT,
      due_back TEXT
    );
    CREATE INDEX center_request_item_request ON center_request_item (request_id, id);
    CREATE INDEX center_request_item_box ON center_request_item (holding_box_id);

    -- The custody events each request's updates carry, numbered 1, 2, 3… within the request.
    CREATE TABLE center_request_event (
      request_id INTEGER NOT NULL REFERENCES center_request (id),
      seq INTEGER NOT NULL,
      custody_event_id INTEGER NOT NULL UNIQUE REFERENCES custody_event (id),
      PRIMARY KEY (request_id, seq)
    );

    ALTER TABLE holding_box ADD COLUMN withdrawn_at TEXT;
  `);
}
