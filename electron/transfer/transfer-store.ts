// Making a transfer and choosing its boxes. Each action is one undoable change; the boxes' statuses follow by
// themselves (read from their transfers: on a draft → "in transfer", taken out again → "in office").
import type { AddBoxesInput, TransferSummary } from '../../shared/api/contract-transfers';
import { AppError } from '../../shared/domain/errors';
import type { BoxStatus } from '../../shared/domain/types';
import { compareLabels, inLabelRange } from '../../shared/transfer/label-range';
import { nextTransferNumber } from '../../shared/transfer/numbering';
import { isEditable, transferStatusLabels } from '../../shared/transfer/statuses';
import type { ChangeContext } from '../catalog/history';
import type { CatalogContext } from '../catalog/context';
import { getDepartment } from '../catalog/profile-store';
import { getTransferRow, getTransferSummary, type TransferRow } from './transfer-rows';
import { BOX_STATUS_SQL } from '../custody/box-status';

export function createTransfer(
  context: CatalogContext,
  input: { recordsCenterId: number; notes: string; accessRestrictions?: string },
): TransferSummary {
  const center = context.db.get<{ name: string }>('SELECT name FROM records_center WHERE id = ?', [input.recordsCenterId]);
  if (!center) {
    throw new AppError('not-found', 'That records center is not in this catalog. Add it under Records Center first.', { field: 'recordsCenterId' });
  }
  const now = context.now();
  // The year as the office's calendar reads it: on New Year's Eve evening in America, UTC is already next year.
  const year = new Date(now).getFullYear();
  const number = nextTransferNumber(context.db.column<string>('SELECT number FROM transfer'), getDepartment(context).code, year);
  return context.history.change(`Create transfer ${number} to ${center.name}`, (change) => {
    const { lastInsertRowid: id } = context.db.run(
      'INSERT INTO transfer (number, records_center_id, status, notes, access_restrictions, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [number, input.recordsCenterId, 'draft', input.notes, input.accessRestrictions ?? '', now],
    );
    change.record('transfer', id, 'create', undefined, context.history.snapshot('transfer', id));
    return getTransferSummary(context, id);
  });
}

/** New notes or access restrictions for a transfer not yet sent: what its receipt will print. */
export function updateTransfer(
  context: CatalogContext,
  input: { id: number; notes?: string; accessRestrictions?: string },
): TransferSummary {
  const transfer = requireEditable(context, input.id);
  return context.history.change(`Edit the details of transfer ${transfer.number}`, (change) => {
    const before = context.history.snapshot('transfer', input.id);
    context.db.run('UPDATE transfer SET notes = ?, access_restrictions = ? WHERE id = ?', [
      input.notes ?? transfer.notes, input.accessRestrictions ?? transfer.access_restrictions, input.id,
    ]);
    change.record('transfer', input.id, 'update', before, context.history.snapshot('transfer', input.id));
    return getTransferSummary(context, input.id);
  });
}

export function requireEditable(context: CatalogContext, id: number): TransferRow {
  return assertEditable(getTransferRow(context, id));
}

/** A transfer whose boxes may still change (draft or ready), or the reason it is not. */
export function assertEditable(transfer: TransferRow): TransferRow {
  if (!isEditable(transfer.status)) {
    throw new AppError(
      'invalid-input',
      `Transfer ${transfer.number} is ${transferStatusLabels[transfer.status].toLowerCase()}: its boxes can no longer change. ` +
        'Start a new transfer for other boxes.',
      { field: 'id', status: transfer.status },
    );
  }
  return transfer;
}

interface Candidate {
  id: number;
  label: string;
  status: BoxStatus;
  /** This transfer already holds it. */
  here: number;
  /** Another open transfer holding it, if any. */
  other: string | null;
}

const CANDIDATE_SELECT = `
  SELECT b.id, b.label, ${BOX_STATUS_SQL} AS status,
    EXISTS (SELECT 1 FROM transfer_box tb WHERE tb.box_id = b.id AND tb.transfer_id = ?) AS here,
    (SELECT t.number FROM transfer_box tb JOIN transfer t ON t.id = tb.transfer_id
      WHERE tb.box_id = b.id AND tb.transfer_id <> ? AND t.status <> 'accessioned' LIMIT 1) AS other
  FROM box b`;

/** A box can go into a transfer from the office (or is already on this draft). */
const SENDABLE: BoxStatus[] = ['in-office', 'in-transfer'];

function whyNot(candidate: Candidate): string | null {
  if (candidate.other) {
    // A box on a sent transfer is at (or on its way to) the records center; only a draft's boxes can be taken out.
    return SENDABLE.includes(candidate.status)
      ? `Box ${candidate.label} is already in transfer ${candidate.other}. Remove it from that transfer first.`
      : `Box ${candidate.label} went with transfer ${candidate.other} and is ${candidate.status.replace(/-/g, ' ')}: it cannot go in another transfer.`;
  }
  if (!SENDABLE.includes(candidate.status)) {
    return `Box ${candidate.label} is ${candidate.status.replace(/-/g, ' ')}: only boxes in your office can go into a transfer.`;
  }
  return null;
}

/** A box of a label range that was not added, and why, in words. */
export interface SkippedBox {
  label: string;
  reason: string;
}

function candidates(context: CatalogContext, transferId: number, input: AddBoxesInput, skipped: SkippedBox[] = []): Candidate[] {
  if ('boxIds' in input) {
    return input.boxIds.map((boxId) => {
      const found = context.db.get<Candidate>(`${CANDIDATE_SELECT} WHERE b.id = ?`, [transferId, transferId, boxId]);
      if (!found) throw new AppError('not-found', `There is no box with id ${boxId}. It may have been deleted.`, { field: 'boxIds' });
      const problem = found.here ? null : whyNot(found);
      if (problem) throw new AppError('invalid-input', problem, { field: 'boxIds', boxId });
      return found;
    });
  }
  if ('all' in input) {
    return context.db.all<Candidate>(`${CANDIDATE_SELECT} WHERE ${BOX_STATUS_SQL} = 'in-office'`, [transferId, transferId]).filter((box) => !box.other);
  }
  // Labels are compared in natural order here (SQL cannot), on ids and labels only; details only for the range.
  const ids = context.db
    .all<{ id: number; label: string }>('SELECT id, label FROM box')
    .filter((box) => inLabelRange(box.label, input.fromLabel, input.toLabel))
    .map((box) => box.id);
  const inRange = ids.map((boxId) => context.db.get<Candidate>(`${CANDIDATE_SELECT} WHERE b.id = ?`, [transferId, transferId, boxId])!);
  const usable = inRange.filter((box) => box.here || !whyNot(box));
  // A range adds what it can and says, box by box, what it left out and why.
  for (const box of inRange) {
    const why = box.here ? null : whyNot(box);
    if (why) skipped.push({ label: box.label, reason: why });
  }
  if (usable.length === 0) {
    const reason = inRange.length > 0 ? ` (${whyNot(inRange[0])})` : '';
    throw new AppError('invalid-input', `No box in your office has a label from ${input.fromLabel} to ${input.toLabel}${reason}.`, {
      field: 'fromLabel',
    });
  }
  return usable;
}

/** Any change to the boxes means the transfer must be checked again before it is ready. */
export function backToDraft(context: CatalogContext, change: ChangeContext, transfer: TransferRow): void {
  if (transfer.status !== 'ready') return;
  const before = context.history.snapshot('transfer', transfer.id);
  context.db.run("UPDATE transfer SET status = 'draft' WHERE id = ?", [transfer.id]);
  change.record('transfer', transfer.id, 'update', before, context.history.snapshot('transfer', transfer.id));
}

export function addBoxes(context: CatalogContext, input: AddBoxesInput): { added: number; alreadyIn: number; skipped: SkippedBox[] } {
  const transfer = requireEditable(context, input.id);
  const skipped: SkippedBox[] = [];
  const found = candidates(context, transfer.id, input, skipped);
  const fresh = [...new Map(found.filter((box) => !box.here).map((box) => [box.id, box])).values()].sort((a, b) =>
    compareLabels(a.label, b.label) || a.id - b.id,
  );
  const alreadyIn = new Set(found.filter((box) => box.here).map((box) => box.id)).size;
  if (fresh.length === 0) return { added: 0, alreadyIn, skipped };
  const label = fresh.length === 1 ? `Add box ${fresh[0].label} to transfer ${transfer.number}` : `Add ${fresh.length} boxes to transfer ${transfer.number}`;
  return context.history.change(label, (change) => {
    let sequence = context.db.get<{ last: number }>('SELECT coalesce(max(sequence), 0) AS last FROM transfer_box WHERE transfer_id = ?', [transfer.id])!.last;
    for (const box of fresh) {
      const { lastInsertRowid } = context.db.run('INSERT INTO transfer_box (transfer_id, box_id, sequence) VALUES (?, ?, ?)', [
        transfer.id,
        box.id,
        (sequence += 1),
      ]);
      change.record('transfer_box', lastInsertRowid, 'create', undefined, context.history.snapshot('transfer_box', lastInsertRowid));
    }
    backToDraft(context, change, transfer);
    return { added: fresh.length, alreadyIn, skipped };
  });
}

export function removeBoxes(context: CatalogContext, input: { id: number; boxIds: number[] }): { removed: number } {
  const transfer = requireEditable(context, input.id);
  const members = context.db.all<{ id: number; box_id: number; label: string }>(
    'SELECT tb.id, tb.box_id, b.label FROM transfer_box tb JOIN box b ON b.id = tb.box_id WHERE tb.transfer_id = ? ORDER BY tb.sequence',
    [transfer.id],
  );
  const wanted = new Set(input.boxIds);
  const leaving = members.filter((member) => wanted.has(member.box_id));
  if (leaving.length === 0) return { removed: 0 };
  const label = leaving.length === 1 ? `Remove box ${leaving[0].label} from transfer ${transfer.number}` : `Remove ${leaving.length} boxes from transfer ${transfer.number}`;
  return context.history.change(label, (change) => {
    for (const member of leaving) {
      const before = context.history.snapshot('transfer_box', member.id);
      context.db.run('DELETE FROM transfer_box WHERE id = ?', [member.id]);
      change.record('transfer_box', member.id, 'delete', before, undefined);
    }
    // Keep "box n of N" without gaps: the boxes after a removed one move up.
    members
      .filter((member) => !wanted.has(member.box_id))
      .forEach((member, index) => {
        const before = context.history.snapshot('transfer_box', member.id);
        if (before?.sequence === index + 1) return;
        context.db.run('UPDATE transfer_box SET sequence = ? WHERE id = ?', [index + 1, member.id]);
        change.record('transfer_box', member.id, 'update', before, context.history.snapshot('transfer_box', member.id));
      });
    backToDraft(context, change, transfer);
    return { removed: leaving.length };
  });
}
