// Version 7: a records center's commitments are only what it stated. The turnaround in working days and the notice
// before destruction become nullable (not stated yet), and the center's loss and damage policy is added. Values a
// catalog already holds were saved by its user from the profile form, so they are kept as stated.
import type { Database } from '../database';

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE records_center ADD COLUMN turnaround_days INTEGER CHECK (turnaround_days IS NULL OR turnaround_days >= 0);
    ALTER TABLE records_center ADD COLUMN notice_days INTEGER CHECK (notice_days IS NULL OR notice_days >= 0);
    ALTER TABLE records_center ADD COLUMN loss_policy TEXT NOT NULL DEFAULT '';
    UPDATE records_center SET turnaround_days = turnaround_working_days, notice_days = disposition_notice_days;
    ALTER TABLE records_center DROP COLUMN turnaround_working_days;
    ALTER TABLE records_center DROP COLUMN disposition_notice_days;
  `);
}
