// Once a box is on a sent transfer, it and its folders are no longer ordinary catalog rows: what the department
// signed for is frozen. Every store that edits, deletes or adds to a box asks here first, and the box lists carry
// the same plain reason so the grid can show them read-only.
import { AppError } from '../../shared/domain/errors';
import { count } from '../../shared/domain/words';
import type { BoxStatus } from '../../shared/domain/types';
import { BOX_STATUS_SQL } from '../custody/box-status';
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

/** Where a box that left the office is, in words, when no transfer of this catalog sent it. */
const AWAY: Partial<Record<BoxStatus, string>> = {
  'at-records-center': 'recorded as at the records center (sent before this catalog was kept)',
  'checked-out': 'checked out from the records center',
  disposed: 'destroyed under the retention schedule',
  'transferred-to-archives': 'transferred to the archives',
};

/** Why a box cannot be edited any more, or null while it is the department's to change (in the office or a draft). */
export function lockedReasonFor(sentIn: string | null | undefined, status: BoxStatus): string | null {
  // A sent box back in the office (withdrawn for good from the center) is the department's again: only a new
  // transfer sends it back.
  if (status === 'in-office' || status === 'in-transfer') return null;
  const sent = parseSentIn(sentIn);
  // A destroyed box says so first: what became of it matters more than how it left.
  if (isGone(status)) return `${AWAY[status]}${sent ? ` (${describeSentIn(sent)})` : ''}`;
  if (sent) return describeSentIn(sent);
  return AWAY[status] ?? null;
}

/** Destroyed or transferred to the archives: the box is gone, its record stays. */
function isGone(status: BoxStatus): boolean {
  return status === 'disposed' || status === 'transferred-to-archives';
}

function lockOf(context: CatalogContext, boxId: number): { sent: SentIn | null; reason: string | null; gone: boolean } {
  const row = context.db.get<{ sent_in: string | null; status: BoxStatus }>(`SELECT ${SENT_IN_SQL} AS sent_in, ${BOX_STATUS_SQL} AS status FROM box b WHERE b.id = ?`, [boxId]);
  if (!row) return { sent: null, reason: null, gone: false };
  const reason = lockedReasonFor(row.sent_in, row.status);
  return { sent: reason === null ? null : parseSentIn(row.sent_in), reason, gone: isGone(row.status) };
}

/** Why a box is no longer the department's to edit directly, or null. */
export function lockedReasonOf(context: CatalogContext, boxId: number): string | null {
  return lockOf(context, boxId).reason;
}

/**
 * Refuses to `action` ("edit", "delete", "add folders to") boxes that were sent. The message says where each went;
 * the department's own record of what it signed stays exactly as sent.
 */
export function assertNotSent(context: CatalogContext, boxIds: readonly number[], action: string): void {
  for (const boxId of boxIds) {
    const { sent, reason, gone } = lockOf(context, boxId);
    if (!reason) continue;
    const label = context.db.get<{ label: string }>('SELECT label FROM box WHERE id = ?', [boxId])?.label ?? String(boxId);
    const others = boxIds.length > 1 ? ` (nothing was changed in any of the ${count(boxIds.length, 'box', 'boxes')})` : '';
    // Paperwork outlives the records: a destroyed box's description is the record of what was destroyed.
    const why = gone ? 'its description is kept as the record of what became of it' : sent ? 'what was signed for cannot be changed' : 'it is no longer in your office';
    const amend = sent && !gone && action.startsWith('edit') ? ' To correct it, record an amendment on the transfer.' : '';
    throw new AppError('forbidden', `Box “${label}” was ${reason}: ${why}, so you cannot ${action} it${others}.${amend}`, {
      boxId,
      ...(sent ? { transferNumber: sent.transferNumber } : {}),
    });
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
