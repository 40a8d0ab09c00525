// Accessioning: once every listed box is checked in, each box on hand gets the center's next box number (one
// running number for the whole center, as on its shelves and retrieval slips, never reused) and a shelf position,
// given or taken from the suggestions, with a "located" custody event naming the place in words.
import type { AccessionDetail } from '../../shared/api/contract-center';
import { AppError } from '../../shared/domain/errors';
import type { CatalogContext } from '../catalog/context';
import { appendCustodyEvents } from '../custody/custody-events';
import { getAccessionDetail, getAccessionRow } from './accession-store';
import { recordedChange } from './center-change';
import { boxesToShelve, suggestLocations } from './location-store';
import { locationInWords } from '../../shared/center/locations';

type Placement = { holdingBoxId: number; locationId: number };

export function accessionBoxes(context: CatalogContext, accessionId: number, locations: 'auto' | Placement[]): AccessionDetail {
  const accession = getAccessionRow(context, accessionId);
  const expected = context.db.column<number>("SELECT sequence FROM holding_box WHERE accession_id = ? AND status = 'expected' ORDER BY sequence", [accessionId]);
  if (expected.length > 0) {
    throw new AppError(
      'invalid-input',
      `Accession ${accession.accession_number} still has ${expected.length === 1 ? 'box' : 'boxes'} ${expected.slice(0, 20).join(', ')}${expected.length > 20 ? ' …' : ''} ` +
        'to check in (received, damaged or missing) before it is accessioned. Nothing was changed.',
      { field: 'accessionId', expected },
    );
  }
  const waiting = boxesToShelve(context, accessionId);
  const placements = locations === 'auto' ? autoPlacements(context, accessionId) : checkedPlacements(context, accessionId, locations);
  const unplaced = waiting.filter((box) => !placements.some((placement) => placement.holdingBoxId === box.id));
  if (unplaced.length > 0) {
    const names = unplaced.slice(0, 10).map((box) => (box.sequence === null ? `the extra box “${box.label}”` : `box ${box.sequence}`));
    throw new AppError(
      'invalid-input',
      `No shelf position is given for ${names.join(', ')}${unplaced.length > 10 ? ' …' : ''} of accession ${accession.accession_number}` +
        `${locations === 'auto' ? ' (no free position left that fits: add locations first)' : ''}. Nothing was changed.`,
      { field: 'locations', boxes: unplaced.map((box) => box.id) },
    );
  }
  const unnumbered = context.db.column<number>(
    "SELECT id FROM holding_box WHERE accession_id = ? AND center_box_number IS NULL AND status IN ('received', 'damaged', 'extra') ORDER BY CASE WHEN sequence IS NULL THEN 1 ELSE 0 END, sequence, id",
    [accessionId],
  );
  if (placements.length === 0 && unnumbered.length === 0 && accession.status === 'accessioned') return getAccessionDetail(context, accessionId);

  recordedChange(context, `Accession ${accession.accession_number}: number and shelve its boxes`, () => {
    const now = context.now();
    let next = (context.db.get<{ last: number | null }>('SELECT MAX(center_box_number) AS last FROM holding_box')?.last ?? 0) + 1;
    const numbers = new Map<number, number>();
    for (const id of unnumbered) {
      context.db.run('UPDATE holding_box SET center_box_number = ? WHERE id = ?', [next, id]);
      numbers.set(id, next);
      next += 1;
    }
    const events = placements.map((placement) => {
      context.db.run('UPDATE holding_box SET location_id = ? WHERE id = ?', [placement.locationId, placement.holdingBoxId]);
      const box = context.db.get<{ sequence: number | null; box_code: string | null; center_box_number: number | null }>(
        'SELECT sequence, box_code, center_box_number FROM holding_box WHERE id = ?',
        [placement.holdingBoxId],
      )!;
      const words = locationWordsById(context, placement.locationId);
      return {
        boxId: placement.holdingBoxId,
        transferId: accessionId,
        kind: 'located' as const,
        at: now,
        detail: {
          accessionNumber: accession.accession_number, transferNumber: accession.transfer_number, sequence: box.sequence, boxCode: box.box_code,
          centerBoxNumber: box.center_box_number === null ? null : String(box.center_box_number), location: words,
          words: `Shelved as center box ${box.center_box_number} at ${words}`,
        },
      };
    });
    appendCustodyEvents(context, events);
    context.db.run("UPDATE accession SET status = 'accessioned', accessioned_at = COALESCE(accessioned_at, ?), accessioned_by = COALESCE(accessioned_by, ?) WHERE id = ?", [
      now, context.history.actor, accessionId,
    ]);
  });
  return getAccessionDetail(context, accessionId);
}

function locationWordsById(context: CatalogContext, id: number): string {
  const row = context.db.get<{ building: string; room: string; row_label: string; bay: string; shelf: string; position: string }>(
    'SELECT building, room, row_label, bay, shelf, position FROM location WHERE id = ?',
    [id],
  )!;
  return locationInWords({ building: row.building, room: row.room, row: row.row_label, bay: row.bay, shelf: row.shelf, position: row.position });
}

function autoPlacements(context: CatalogContext, accessionId: number): Placement[] {
  return suggestLocations(context, accessionId).flatMap((suggestion) =>
    suggestion.location ? [{ holdingBoxId: suggestion.holdingBoxId, locationId: suggestion.location.id }] : [],
  );
}

/** Given placements must name this accession's boxes on hand, free positions, each once, where each box fits. */
function checkedPlacements(context: CatalogContext, accessionId: number, placements: Placement[]): Placement[] {
  const boxes = new Set<number>();
  const positions = new Set<number>();
  for (const [index, placement] of placements.entries()) {
    const field = `locations.${index}`;
    const box = context.db.get<{ accession_id: number; status: string; location_id: number | null; cubic_feet: number; label: string }>(
      'SELECT accession_id, status, location_id, cubic_feet, label FROM holding_box WHERE id = ?',
      [placement.holdingBoxId],
    );
    if (!box || box.accession_id !== accessionId) throw new AppError('invalid-input', `Box ${placement.holdingBoxId} is not a box of this accession.`, { field });
    if (box.status === 'missing') throw new AppError('invalid-input', `Box “${box.label}” was recorded missing: it cannot be shelved.`, { field });
    if (box.location_id !== null) throw new AppError('invalid-input', `Box “${box.label}” is shelved already.`, { field });
    const location = context.db.get<{ capacity_cubic_feet: number }>('SELECT capacity_cubic_feet FROM location WHERE id = ?', [placement.locationId]);
    if (!location) throw new AppError('not-found', `There is no location ${placement.locationId}.`, { field });
    const words = locationWordsById(context, placement.locationId);
    const holder = context.db.get<{ label: string }>('SELECT label FROM holding_box WHERE location_id = ?', [placement.locationId]);
    if (holder || positions.has(placement.locationId)) throw new AppError('invalid-input', `${words} holds a box already: a position holds one box.`, { field });
    if (box.cubic_feet > location.capacity_cubic_feet + 1e-9) {
      throw new AppError('invalid-input', `Box “${box.label}” (${box.cubic_feet} cubic feet) does not fit ${words} (${location.capacity_cubic_feet} cubic feet).`, { field });
    }
    if (boxes.has(placement.holdingBoxId)) throw new AppError('invalid-input', `Box “${box.label}” is given two positions.`, { field });
    boxes.add(placement.holdingBoxId);
    positions.add(placement.locationId);
  }
  return placements;
}
