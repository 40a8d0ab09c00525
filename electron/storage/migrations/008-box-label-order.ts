// Version 8: boxes list in the order people count ("2" before "10", "B-2" before "B-12"). SQL cannot sort that way
// by itself, so each box keeps a sort key made from its label (shared/import/read-cells.ts boxSortKey), indexed.
import { boxSortKey } from '../../../shared/import/read-cells';
import type { Database } from '../database';

export function up(db: Database): void {
  db.exec("ALTER TABLE box ADD COLUMN label_key TEXT NOT NULL DEFAULT ''");
  for (const box of db.all<{ id: number; label: string }>('SELECT id, label FROM box')) {
    db.run('UPDATE box SET label_key = ? WHERE id = ?', [boxSortKey(box.label), box.id]);
  }
  db.exec('CREATE INDEX box_label_key ON box (label_key)');
}
