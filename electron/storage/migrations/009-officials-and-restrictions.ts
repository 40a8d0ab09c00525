// Version 9: what a records center expects on a transmittal (SF-135 practice). The department names the official
// who releases its records and that official's title; a transfer states its access restrictions in words (who may
// see the records and under what authority), beyond the folder's confidential flag.
import type { Database } from '../database';

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE department ADD COLUMN official_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE department ADD COLUMN official_title TEXT NOT NULL DEFAULT '';
    ALTER TABLE transfer ADD COLUMN access_restrictions TEXT NOT NULL DEFAULT '';
  `);
}
