// Where a box or folder is now, in short words for a list cell and for copying: pure, so the folder grid's
// column rules (tested in Node) can use it.
import type { WhereNow } from '../../../shared/custody/where';
import { boxStatusLabels } from '../ui/format';

/** "2026-03-04" out of a timestamp or a date. */
export function dayOf(when: string): string {
  return when.slice(0, 10);
}

/** "Checked out since 2026-03-04, due back 2026-04-01 (overdue)": what a list cell says and a copy gives. */
export function whereShortText(where: WhereNow): string {
  const parts = [boxStatusLabels[where.status]];
  if (where.since) parts.push(`since ${dayOf(where.since)}`);
  let text = parts.join(' ');
  if (where.dueBack) text += `, due back ${where.dueBack}`;
  if (where.overdue) text += ' (overdue)';
  return text;
}
