// Once a box is on a sent transfer, it and its folders are no longer ordinary catalog rows: what the department
// signed for is frozen. Every store that edits, deletes or adds to a box asks here first, and the box lists carry
// the same plain reason so the grid can show them read-only.
import { AppError } from '../../shared/domain/errors';
import { count } from '../../shared/domain/words';
import type { CatalogContext } from './context';

export interface SentIn {
  transferNumber: string;
  centerName: string;
  sentAt: string;
}

/** The SQL of a box's newest sent transfer as "number|center|sentAt", for box lists (one indexed lookup a row). */
export const SENT_IN_SQL = `(SELECT t.number || '|' || coalesce(c.name, '') || '|' || t.sent_at FROM transfer_box tb
      JOIN transfer t ON t.id = tb.transfer_id LEFT JOIN records_center c ON c.id = t.records_center_id
      WHERE tb.box_id = b.id AND t.sent_at IS NOT NULL ORDER BY t.sent_at DESC LIMIT 1)`;

export function parseSentIn(value: string | null | undefined): SentIn | null {
  if (!value) return null;
  const [transferNumber, centerName, sentAt] = value.split('|');
  return { transferNumber, centerName, sentAt };
}

const longDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-US', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "sent to City Records Center on March 3, 2026 in PW-2026-001" */
export function describeSentIn(sent: SentIn): string {
  return `sent to ${sent.centerName || 'the records center'} on ${longDate(sent.sentAt)} in ${sent.transferNumber}`;
}

export function sentInOf(context: CatalogContext, boxId: number): SentIn | null {
  const row = context.db.get<{ sent_in: string | null }>(`SELECT ${SENT_IN_SQL} AS sent_in FROM box b WHERE b.id = ?`, [boxId]);
  return parseSentIn(row?.sent_in);
}

/**
 * Refuses to `action` ("edit", "delete", "add folders to") boxes that were sent. The message says where each went;
 * the department's own record of what it signed stays exactly as sent.
 */
export function assertNotSent(context: CatalogContext, boxIds: readonly number[], action: string): void {
  for (const boxId of boxIds) {
    const sent = sentInOf(context, boxId);
    if (!sent) continue;
    const label = context.db.get<{ label: string }>('SELECT label FROM box WHERE id = ?', [boxId])?.label ?? String(boxId);
    const others = boxIds.length > 1 ? ` (nothing was changed in any of the ${count(boxIds.length, 'box', 'boxes')})` : '';
    throw new AppError(
      'forbidden',
      `Box “${label}” was ${describeSentIn(sent)}: what was signed for cannot be changed, so you cannot ${action} it${others}.`,
      { boxId, transferNumber: sent.transferNumber },
    );
  }
}

/** The boxes holding these folders, for the same check. */
export function boxesOfFolders(context: CatalogContext, folderIds: readonly number[]): number[] {
  if (folderIds.length === 0) return [];
  const boxes = new Set<number>();
  for (let at = 0; at < folderIds.length; at += 500) {
    const chunk = folderIds.slice(at, at + 500);
    for (const boxId of context.db.column<number>(`SELECT DISTINCT box_id FROM folder WHERE id IN (${chunk.map(() => '?').join(', ')})`, chunk)) boxes.add(boxId);
  }
  return [...boxes];
}
