// Version 10: a records center can say it accepts boxes that mix series with different disposition dates (it keeps
// such a box until its latest date). Then the pre-send check warns about a mixed box instead of refusing it.
import type { Database } from '../database';

export function up(db: Database): void {
  db.exec(`ALTER TABLE records_center ADD COLUMN accepts_mixed_boxes INTEGER NOT NULL DEFAULT 0 CHECK (accepts_mixed_boxes IN (0, 1));`);
}
