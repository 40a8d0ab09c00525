// Version 1: profiles, the retention schedule, boxes, folders with their full-text index, and the history log.
import type { Database } from '../database';

export function up(db: Database): void {
  db.exec(`
    -- Must come before the first table. Bulk work frees many pages (merging the search index frees ~10%);
    -- incremental vacuum returns them so the file, and every save of it, shrinks again.
    PRAGMA auto_vacuum = INCREMENTAL;
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE department (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL,
      code TEXT NOT NULL DEFAULT '',
      address TEXT NOT NULL DEFAULT '',
      contact_name TEXT NOT NULL DEFAULT '',
      contact_phone TEXT NOT NULL DEFAULT '',
      contact_email TEXT NOT NULL DEFAULT '',
      fiscal_year_start_month INTEGER NOT NULL DEFAULT 7 CHECK (fiscal_year_start_month BETWEEN 1 AND 12)
    );

    CREATE TABLE records_center (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      address TEXT NOT NULL DEFAULT '',
      contact_name TEXT NOT NULL DEFAULT '',
      contact_phone TEXT NOT NULL DEFAULT '',
      contact_email TEXT NOT NULL DEFAULT '',
      retrieval_instructions TEXT NOT NULL DEFAULT '',
      turnaround TEXT NOT NULL DEFAULT '',
      turnaround_working_days INTEGER NOT NULL DEFAULT 2,
      delivery_options TEXT NOT NULL DEFAULT '[]',
      disposition_notice_days INTEGER NOT NULL DEFAULT 90
    );

    CREATE TABLE schedule_item (
      id INTEGER PRIMARY KEY,
      item_number TEXT NOT NULL UNIQUE COLLATE NOCASE,
      title TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      rule TEXT NOT NULL CHECK (json_valid(rule)),
      retention_text TEXT NOT NULL DEFAULT '',
      disposition TEXT NOT NULL CHECK (disposition IN ('destroy', 'archives', 'review')),
      citation TEXT NOT NULL DEFAULT ''
    );

    CREATE TABLE box (
      id INTEGER PRIMARY KEY,
      label TEXT NOT NULL,
      cubic_feet REAL NOT NULL DEFAULT 1.2,
      office_location TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'in-office',
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX box_label ON box (label COLLATE NOCASE);
    CREATE INDEX box_status ON box (status);

    CREATE TABLE folder (
      id INTEGER PRIMARY KEY,
      box_id INTEGER NOT NULL REFERENCES box (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      title TEXT NOT NULL,
      file_code TEXT NOT NULL DEFAULT '',
      schedule_item_id INTEGER REFERENCES schedule_item (id),
      begin_date TEXT NOT NULL DEFAULT '',
      end_date TEXT NOT NULL DEFAULT '',
      event_date TEXT NOT NULL DEFAULT '',
      confidential INTEGER NOT NULL DEFAULT 0,
      medium TEXT NOT NULL DEFAULT 'paper',
      notes TEXT NOT NULL DEFAULT '',
      legal_hold INTEGER NOT NULL DEFAULT 0,
      legal_hold_reason TEXT NOT NULL DEFAULT '',
      -- Derived, for filtering and sorting: the first and last day the folder's dates can mean.
      first_day TEXT,
      last_day TEXT,
      disposition_date TEXT,
      disposition_status TEXT NOT NULL DEFAULT 'no-schedule',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX folder_box ON folder (box_id, position);
    CREATE INDEX folder_schedule_item ON folder (schedule_item_id);
    CREATE INDEX folder_disposition ON folder (disposition_date);
    CREATE INDEX folder_dates ON folder (last_day, first_day);

    -- FTS4 (sql.js has no FTS5) over the folder table's own columns: external content keeps one copy of the text.
    -- prefix="2,3" indexes short prefixes so search-as-you-type stays fast on the first letters.
    CREATE VIRTUAL TABLE folder_search USING fts4 (
      content="folder", title, file_code, notes, prefix="2,3", tokenize=unicode61 "remove_diacritics=2"
    );
    -- SQLite's documented triggers for an external-content FTS4 table: remove old tokens before the row changes.
    -- New rows are indexed by the code that inserts them (indexFolder): an AFTER INSERT trigger writing to FTS4 was
    -- eight times slower than the same insert made directly (measured: 5,000 folders in 1.26 s against 0.15 s).
    CREATE TRIGGER folder_search_bu BEFORE UPDATE OF title, file_code, notes ON folder BEGIN
      DELETE FROM folder_search WHERE docid = old.id;
    END;
    CREATE TRIGGER folder_search_bd BEFORE DELETE ON folder BEGIN
      DELETE FROM folder_search WHERE docid = old.id;
    END;
    CREATE TRIGGER folder_search_au AFTER UPDATE OF title, file_code, notes ON folder BEGIN
      INSERT INTO folder_search (docid, title, file_code, notes) VALUES (new.id, new.title, new.file_code, new.notes);
    END;

    -- Append-only: one row per record changed, grouped by the user action (change) that made it.
    CREATE TABLE change (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      label TEXT NOT NULL,
      kind TEXT NOT NULL DEFAULT 'edit' CHECK (kind IN ('edit', 'undo', 'redo', 'import'))
    );
    CREATE TABLE history (
      id INTEGER PRIMARY KEY,
      change_id INTEGER NOT NULL REFERENCES change (id),
      entity TEXT NOT NULL,
      entity_id INTEGER NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
      before TEXT,
      after TEXT
    );
    CREATE INDEX history_entity ON history (entity, entity_id);
    CREATE INDEX history_change ON history (change_id);
    CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN
      SELECT RAISE(ABORT, 'history is append-only');
    END;
    CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN
      SELECT RAISE(ABORT, 'history is append-only');
    END;
  `);
}
