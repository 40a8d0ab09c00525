// Checking boxes in, box by box as they are scanned or typed: received, damaged (with what is wrong), missing, or an
// extra box the manifest does not list. Every finding that differs from the manifest is a discrepancy with who and
// when, and a custody event; nothing is fixed silently. A box scanned again with the same finding changes nothing.
import type { CheckInInput, CheckInOutcome, CheckInResult } from '../../shared/api/contract-center';
import type { HoldingBoxStatus } from '../../shared/center/holdings';
import { AppError } from '../../shared/domain/errors';
import type { DiscrepancyKind } from '../../shared/exchange/acknowledgment';
import type { CatalogContext } from '../catalog/context';
import { appendCustodyEvents, type NewCustodyEvent } from '../custody/custody-events';
import { getAccessionRow } from './accession-store';
import { recordedChange } from './center-change';

interface BoxRow {
  id: number;
  sequence: number | null;
  box_code: string | null;
  label: string;
  status: HoldingBoxStatus;
  location_id: number | null;
  checked_in_at: string | null;
  checked_in_by: string | null;
}

type Finding = 'received' | 'damaged' | 'missing';

/** Which findings may follow which: a box recorded missing may turn up; a received box may be found damaged. */
const MAY_FOLLOW: Record<HoldingBoxStatus, readonly Finding[]> = {
  expected: ['received', 'damaged', 'missing'],
  missing: ['received', 'damaged'],
  received: ['damaged'],
  damaged: [],
  extra: [],
};

/** "box 2 of 12 (PW-002, barcode PW-2026-003-002)". */
function boxWords(box: Pick<BoxRow, 'sequence' | 'label' | 'box_code'>, of: number): string {
  const label = box.label ? `“${box.label}”, ` : '';
  return `box ${box.sequence} of ${of} (${label}barcode ${box.box_code})`;
}

function findBox(boxes: BoxRow[], wanted: string | number, accessionNumber: string): BoxRow {
  const text = String(wanted).trim();
  const byCode = boxes.find((box) => box.box_code !== null && box.box_code.toLowerCase() === text.toLowerCase());
  const bySequence = /^\d+$/.test(text) ? boxes.find((box) => box.sequence === Number(text)) : undefined;
  const found = byCode ?? bySequence;
  if (found) return found;
  throw new AppError(
    'invalid-input',
    `“${text}” is not a box of accession ${accessionNumber} (its boxes are 1 to ${boxes.length}, barcodes ${boxes[0]?.box_code ?? '—'} …). ` +
      'If it came with this transfer, check it in as an extra box with a description. Nothing was recorded.',
    { field: 'boxes', box: text },
  );
}

export function checkIn(context: CatalogContext, input: CheckInInput): CheckInResult {
  const accession = getAccessionRow(context, input.accessionId);
  const boxes = context.db.all<BoxRow>(
    'SELECT id, sequence, box_code, label, status, location_id, checked_in_at, checked_in_by FROM holding_box WHERE accession_id = ? AND sequence IS NOT NULL ORDER BY sequence',
    [accession.id],
  );
  const of = boxes.length;
  const actor = context.history.actor;
  const outcomes: CheckInOutcome[] = [];
  const events: NewCustodyEvent[] = [];
  const discrepancies: { boxId: number | null; kind: DiscrepancyKind; description: string }[] = [];
  const updates: { id: number; status: HoldingBoxStatus; note: string }[] = [];
  const now = context.now();
  const common = { accessionNumber: accession.accession_number, transferNumber: accession.transfer_number };

  // Decided in full before anything is written: one refused box refuses the whole scan list, changing nothing.
  const current = new Map(boxes.map((box) => [box.id, { ...box }]));
  for (const entry of input.boxes) {
    const box = current.get(findBox(boxes, entry.box, accession.accession_number).id)!;
    const words = boxWords(box, of);
    if (box.status === entry.status) {
      outcomes.push({
        box: String(entry.box), holdingBoxId: box.id, sequence: box.sequence, status: box.status, changed: false,
        message: `${capitalize(words)} was already checked in as ${box.status} by ${box.checked_in_by} on ${box.checked_in_at?.slice(0, 10)}: nothing changed.`,
      });
      continue;
    }
    if (!MAY_FOLLOW[box.status].includes(entry.status)) {
      throw new AppError(
        'invalid-input',
        `${capitalize(words)} was checked in as ${box.status} by ${box.checked_in_by} on ${box.checked_in_at?.slice(0, 10)}; it cannot now be marked ${entry.status}. ` +
          'What was recorded stays: nothing was changed.',
        { field: 'boxes', box: String(entry.box), status: box.status },
      );
    }
    const note = entry.note;
    const event = { boxId: box.id, transferId: accession.id, at: now };
    const base = { ...common, sequence: box.sequence, boxCode: box.box_code };
    if (box.status === 'missing') {
      discrepancies.push({ boxId: box.id, kind: 'other', description: `${capitalize(words)}, recorded missing, arrived on ${now.slice(0, 10)}.${note ? ` ${note}` : ''}` });
    }
    if (entry.status === 'received' || (entry.status === 'damaged' && box.status !== 'received')) {
      events.push({ ...event, kind: 'received', detail: { ...base, words: 'Checked in at the records center' } });
    }
    if (entry.status === 'damaged') {
      const description = `${capitalize(words)} arrived damaged: ${note}`;
      discrepancies.push({ boxId: box.id, kind: 'damaged', description });
      events.push({ ...event, kind: 'discrepancy', detail: { ...base, discrepancy: 'damaged', words: description } });
    }
    if (entry.status === 'missing') {
      const description = `${capitalize(words)} is on the manifest but did not arrive.${note ? ` ${note}` : ''}`;
      discrepancies.push({ boxId: box.id, kind: 'missing', description });
      events.push({ ...event, kind: 'discrepancy', detail: { ...base, discrepancy: 'missing', words: description } });
    }
    box.status = entry.status;
    box.checked_in_by = actor;
    box.checked_in_at = now;
    updates.push({ id: box.id, status: entry.status, note });
    outcomes.push({
      box: String(entry.box), holdingBoxId: box.id, sequence: box.sequence, status: entry.status, changed: true,
      message: `${capitalize(words)}: ${entry.status}${note ? ` (${note})` : ''}.`,
    });
  }
  if (updates.length === 0 && input.extra.length === 0) {
    return { accessionNumber: accession.accession_number, outcomes, discrepanciesRecorded: 0, stillExpected: boxes.filter((box) => box.status === 'expected').length };
  }

  recordedChange(context, `Check in boxes of accession ${accession.accession_number}`, () => {
    for (const update of updates) {
      context.db.run('UPDATE holding_box SET status = ?, note = ?, checked_in_at = ?, checked_in_by = ? WHERE id = ?', [
        update.status, update.note, now, actor, update.id,
      ]);
    }
    for (const extra of input.extra) {
      const id = context.db.run(
        `INSERT INTO holding_box (accession_id, sequence, box_code, label, cubic_feet, status, note, checked_in_at, checked_in_by)
         VALUES (?, NULL, NULL, ?, ?, 'extra', ?, ?, ?)`,
        [accession.id, extra.description, extra.cubicFeet, extra.note, now, actor],
      ).lastInsertRowid;
      const description = `A box not on the manifest came with the transfer: “${extra.description}”.${extra.note ? ` ${extra.note}` : ''}`;
      discrepancies.push({ boxId: id, kind: 'extra', description });
      events.push(
        { boxId: id, transferId: accession.id, at: now, kind: 'received', detail: { ...common, extra: extra.description, words: 'Checked in at the records center (not on the manifest)' } },
        { boxId: id, transferId: accession.id, at: now, kind: 'discrepancy', detail: { ...common, discrepancy: 'extra', words: description } },
      );
      outcomes.push({ box: extra.description, holdingBoxId: id, sequence: null, status: 'extra', changed: true, message: `${description}` });
    }
    context.db.runMany(
      'INSERT INTO discrepancy (accession_id, holding_box_id, folder_position, kind, description, recorded_at, recorded_by) VALUES (?, ?, NULL, ?, ?, ?, ?)',
      discrepancies.map((each) => [accession.id, each.boxId, each.kind, each.description, now, actor]),
    );
    appendCustodyEvents(context, events);
  });
  return {
    accessionNumber: accession.accession_number,
    outcomes,
    discrepanciesRecorded: discrepancies.length,
    stillExpected: [...current.values()].filter((box) => box.status === 'expected').length,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
