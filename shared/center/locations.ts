// Shelf locations: an address (building, room, row, bay, shelf, position) said in words the same way everywhere,
// sorted the way people walk the shelves, and set up in bulk from ranges.

export interface LocationAddress {
  building: string;
  room: string;
  row: string;
  bay: string;
  shelf: string;
  position: string;
}

/** "Building A / Room 2 / Row 3 / Bay 2 / Shelf 4 / Position 1" (no room when there is none). */
export function locationInWords(address: LocationAddress): string {
  return [
    `Building ${address.building}`,
    ...(address.room ? [`Room ${address.room}`] : []),
    `Row ${address.row}`,
    `Bay ${address.bay}`,
    `Shelf ${address.shelf}`,
    `Position ${address.position}`,
  ].join(' / ');
}

/** Numbers padded to 6 digits so addresses sort as people read them: Row 9 before Row 10. */
export function locationSortKey(address: LocationAddress): string {
  const part = (text: string) => text.toLowerCase().replace(/\d+/g, (digits) => digits.padStart(6, '0'));
  return [address.building, address.room, address.row, address.bay, address.shelf, address.position].map(part).join('|');
}

export interface NumberRange {
  from: number;
  to: number;
}

export interface LocationRangeInput {
  building: string;
  room: string;
  rows: NumberRange;
  bays: NumberRange;
  shelves: NumberRange;
  positionsPerShelf: number;
}

/** The most positions one bulk set-up makes: a large center's whole floor, not a typo's billion. */
export const MAX_LOCATIONS_AT_ONCE = 100_000;

export function rangeSize(range: NumberRange): number {
  return Math.max(0, range.to - range.from + 1);
}

/** How many positions a range makes. */
export function locationCount(input: LocationRangeInput): number {
  return rangeSize(input.rows) * rangeSize(input.bays) * rangeSize(input.shelves) * input.positionsPerShelf;
}

/** Every address of the range, in walking order. */
export function* expandLocationRange(input: LocationRangeInput): Generator<LocationAddress> {
  for (let row = input.rows.from; row <= input.rows.to; row += 1) {
    for (let bay = input.bays.from; bay <= input.bays.to; bay += 1) {
      for (let shelf = input.shelves.from; shelf <= input.shelves.to; shelf += 1) {
        for (let position = 1; position <= input.positionsPerShelf; position += 1) {
          yield { building: input.building, room: input.room, row: String(row), bay: String(bay), shelf: String(shelf), position: String(position) };
        }
      }
    }
  }
}
