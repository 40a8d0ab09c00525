// Shelf positions: set up in bulk from ranges, listed with what each holds, and the next free ones suggested for
// boxes waiting to be shelved. A position holds one box (the database refuses a second), and a box goes only where
// it fits (its cubic feet within the position's capacity).
import type { AddLocationsInput, LocationList, LocationRow, LocationSuggestion } from '../../shared/api/contract-center';
import { isOnHand, type HoldingBoxStatus } from '../../shared/center/holdings';
import { expandLocationRange, locationInWords, locationSortKey, type LocationAddress } from '../../shared/center/locations';
import type { CatalogContext } from '../catalog/context';
import { recordedChange } from './center-change';

export interface NewLocation {
  address: LocationAddress;
  capacityCubicFeet: number;
}

/**
 * Adds the positions not set up yet and answers how many that was. A position already set up keeps its own capacity:
 * setting up a range (or importing a list) again adds only what is new. Runs inside the caller's recorded change.
 */
export function insertLocations(context: CatalogContext, locations: readonly NewLocation[]): number {
  const before = context.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM location')!.n;
  const now = context.now();
  context.db.runMany(
    `INSERT INTO location (building, room, row_label, bay, shelf, position, sort_key, capacity_cubic_feet, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (building, room, row_label, bay, shelf, position) DO NOTHING`,
    locations.map(({ address, capacityCubicFeet }) => [
      address.building, address.room, address.row, address.bay, address.shelf, address.position, locationSortKey(address), capacityCubicFeet, now,
    ]),
  );
  return context.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM location')!.n - before;
}

export function addLocations(context: CatalogContext, input: AddLocationsInput): { added: number; alreadyThere: number } {
  const addresses = [...expandLocationRange({ ...input, positionsPerShelf: input.positionsPerShelf })];
  const rowWords = `rows ${input.rows.from}–${input.rows.to}, bays ${input.bays.from}–${input.bays.to}, shelves ${input.shelves.from}–${input.shelves.to}`;
  const added = recordedChange(context, `Add shelf locations in building ${input.building} (${rowWords})`, () =>
    insertLocations(context, addresses.map((address) => ({ address, capacityCubicFeet: input.capacityCubicFeet }))),
  );
  return { added, alreadyThere: addresses.length - added };
}

interface LocationDbRow {
  id: number;
  building: string;
  room: string;
  row_label: string;
  bay: string;
  shelf: string;
  position: string;
  capacity_cubic_feet: number;
  box_id: number | null;
  center_box_number: number | null;
  accession_number: string | null;
  label: string | null;
  cubic_feet: number | null;
}

function toLocationRow(row: LocationDbRow): LocationRow {
  const address = { building: row.building, room: row.room, row: row.row_label, bay: row.bay, shelf: row.shelf, position: row.position };
  return {
    id: row.id,
    ...address,
    words: locationInWords(address),
    capacityCubicFeet: row.capacity_cubic_feet,
    box:
      row.box_id === null
        ? null
        : {
            id: row.box_id,
            centerBoxNumber: row.center_box_number === null ? null : String(row.center_box_number),
            accessionNumber: row.accession_number ?? '',
            label: row.label ?? '',
            cubicFeet: row.cubic_feet ?? 0,
          },
  };
}

export function listLocations(context: CatalogContext, filter: { freeOnly: boolean; offset: number; limit: number }): LocationList {
  const totals = context.db.get<{ positions: number; used: number; capacity: number | null; used_feet: number | null }>(
    `SELECT COUNT(*) AS positions, COUNT(b.id) AS used, SUM(l.capacity_cubic_feet) AS capacity, SUM(b.cubic_feet) AS used_feet
     FROM location l LEFT JOIN holding_box b ON b.location_id = l.id`,
  )!;
  const where = filter.freeOnly ? 'WHERE b.id IS NULL' : '';
  const rows = context.db.all<LocationDbRow>(
    `SELECT l.id, l.building, l.room, l.row_label, l.bay, l.shelf, l.position, l.capacity_cubic_feet,
       b.id AS box_id, b.center_box_number, a.accession_number, b.label, b.cubic_feet
     FROM location l LEFT JOIN holding_box b ON b.location_id = l.id LEFT JOIN accession a ON a.id = b.accession_id
     ${where} ORDER BY l.sort_key LIMIT ? OFFSET ?`,
    [filter.limit, filter.offset],
  );
  const free = totals.positions - totals.used;
  return {
    total: filter.freeOnly ? free : totals.positions,
    offset: filter.offset,
    rows: rows.map(toLocationRow),
    totals: {
      positions: totals.positions,
      used: totals.used,
      free,
      capacityCubicFeet: Math.round((totals.capacity ?? 0) * 100) / 100,
      usedCubicFeet: Math.round((totals.used_feet ?? 0) * 100) / 100,
    },
  };
}

export interface BoxToShelve {
  id: number;
  sequence: number | null;
  label: string;
  cubic_feet: number;
  status: HoldingBoxStatus;
}

/**
 * The accession's boxes on hand and not yet shelved: the listed ones in manifest order, then the extras. A box
 * withdrawn for good has no position either, but it is no longer held: it is never shelved again.
 */
export function boxesToShelve(context: CatalogContext, accessionId: number): BoxToShelve[] {
  return context.db
    .all<BoxToShelve>(
      `SELECT id, sequence, label, cubic_feet, status FROM holding_box WHERE accession_id = ? AND location_id IS NULL AND withdrawn_at IS NULL
       ORDER BY CASE WHEN sequence IS NULL THEN 1 ELSE 0 END, sequence, id`,
      [accessionId],
    )
    .filter((box) => isOnHand(box.status));
}

/**
 * The next free position for each box in turn, in address order, skipping positions too small for it: the boxes of
 * one accession land side by side as far as the shelves allow. Free positions are read a page at a time.
 */
export function suggestLocations(context: CatalogContext, accessionId: number): LocationSuggestion[] {
  const boxes = boxesToShelve(context, accessionId);
  const taken = new Set<number>();
  const suggestions: LocationSuggestion[] = [];
  let free: { id: number; capacity: number; words: string }[] = [];
  let lastKey = '';
  let exhausted = false;
  const morePositions = () => {
    const page = context.db.all<{ id: number; sort_key: string; capacity_cubic_feet: number; building: string; room: string; row_label: string; bay: string; shelf: string; position: string }>(
      `SELECT l.id, l.sort_key, l.capacity_cubic_feet, l.building, l.room, l.row_label, l.bay, l.shelf, l.position FROM location l
       WHERE l.sort_key > ? AND NOT EXISTS (SELECT 1 FROM holding_box b WHERE b.location_id = l.id) ORDER BY l.sort_key LIMIT 1000`,
      [lastKey],
    );
    if (page.length < 1000) exhausted = true;
    if (page.length > 0) lastKey = page[page.length - 1].sort_key;
    free = free.concat(
      page.map((row) => ({
        id: row.id,
        capacity: row.capacity_cubic_feet,
        words: locationInWords({ building: row.building, room: row.room, row: row.row_label, bay: row.bay, shelf: row.shelf, position: row.position }),
      })),
    );
  };
  for (const box of boxes) {
    let found: { id: number; words: string } | null = null;
    for (let index = 0; ; index += 1) {
      if (index >= free.length) {
        if (exhausted) break;
        morePositions();
        if (index >= free.length) break;
      }
      const position = free[index];
      if (!taken.has(position.id) && box.cubic_feet <= position.capacity + 1e-9) {
        found = { id: position.id, words: position.words };
        taken.add(position.id);
        break;
      }
    }
    suggestions.push({ holdingBoxId: box.id, sequence: box.sequence, label: box.label, cubicFeet: box.cubic_feet, location: found });
  }
  return suggestions;
}
