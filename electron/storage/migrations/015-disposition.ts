// Version 15: disposition and legal holds, on both sides (shared/exchange/disposition.ts).
// - Legal holds (either role): each hold as placed (name, matter, who asked, its scope as asked) and lifted (when,
//   why, by whom), and every box and folder it covers, resolved when it is placed (box_id/folder_id name a box and
//   folder in a department's catalog, a holding box and folder in a center's). A hold the department sent is kept at
//   the center by its number and seal.
// - A center's notices (one per department and period, kept as written), each box on it with the department's
//   answer and what was done; the responses taken in (by seal) and the certificates written.
// - A department's notices taken in, its answers box by box, the responses it wrote and the certificates it took in.
// - Paperwork kept after destruction: how many years (meta paperwork_years).
// Plain SQL only.
import type { Database } from '../database';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE legal_hold (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      matter TEXT NOT NULL DEFAULT '',
      requested_by TEXT NOT NULL DEFAULT '',
      scope TEXT NOT NULL DEFAULT '{}',
      -- 'department': placed in this catalog; 'department-file': a department's hold taken in by a center.
      origin TEXT NOT NULL CHECK (origin IN ('department', 'center', 'department-file')),
      department_id INTEGER,
      fingerprint TEXT,
      placed_at TEXT NOT NULL,
      placed_by TEXT NOT NULL,
      lifted_at TEXT,
      lifted_by TEXT,
      lift_reason TEXT
    );
    CREATE TABLE legal_hold_item (
      hold_id INTEGER NOT NULL REFERENCES legal_hold (id),
      box_id INTEGER NOT NULL,
      -- NULL: the whole box.
      folder_id INTEGER
    );
    CREATE INDEX legal_hold_item_hold ON legal_hold_item (hold_id);
    CREATE INDEX legal_hold_item_box ON legal_hold_item (box_id);
    CREATE INDEX legal_hold_item_folder ON legal_hold_item (folder_id);

    CREATE TABLE disposition_notice (
      id INTEGER PRIMARY KEY,
      -- At a center: the department noticed. In a department's catalog: NULL.
      department_id INTEGER,
      number TEXT NOT NULL,
      center_name TEXT NOT NULL,
      period_from TEXT NOT NULL,
      period_to TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      respond_by TEXT NOT NULL,
      json TEXT NOT NULL,
      fingerprint TEXT NOT NULL UNIQUE,
      -- Who wrote it (center) or took it in (department), and when.
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL
    );
    CREATE TABLE disposition_notice_box (
      id INTEGER PRIMARY KEY,
      notice_id INTEGER NOT NULL REFERENCES disposition_notice (id),
      -- A holding box at a center; the department's own box in its catalog.
      box_id INTEGER NOT NULL,
      box_code TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('destroy', 'secure-destroy', 'transfer-to-archives')),
      answer TEXT CHECK (answer IN ('approve', 'refuse', 'extend')),
      reason TEXT NOT NULL DEFAULT '',
      review_date TEXT,
      extend_to TEXT,
      answered_at TEXT,
      response_id INTEGER,
      executed TEXT CHECK (executed IN ('destroyed', 'transferred-to-archives')),
      executed_at TEXT,
      method TEXT,
      witness TEXT,
      certificate_id INTEGER,
      UNIQUE (notice_id, box_id)
    );
    CREATE INDEX disposition_notice_box_box ON disposition_notice_box (box_id);

    CREATE TABLE disposition_response (
      id INTEGER PRIMARY KEY,
      notice_id INTEGER NOT NULL REFERENCES disposition_notice (id),
      json TEXT NOT NULL,
      fingerprint TEXT NOT NULL UNIQUE,
      signed_name TEXT NOT NULL,
      signed_title TEXT NOT NULL,
      responded_at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL
    );
    CREATE TABLE disposition_certificate (
      id INTEGER PRIMARY KEY,
      notice_id INTEGER NOT NULL REFERENCES disposition_notice (id),
      number TEXT NOT NULL,
      json TEXT NOT NULL,
      fingerprint TEXT NOT NULL UNIQUE,
      issued_at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL
    );
  `);
  db.run("INSERT INTO meta (key, value) VALUES ('paperwork_years', '6') ON CONFLICT (key) DO NOTHING");
}
