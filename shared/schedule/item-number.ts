// A retention schedule item number as people type it: "GS 1010", "gs1010", "GS-1010" and "GS.1010" are one item.
// The import, the grid, a paste and the CLI all find items by this one key.

/** An item number's parts, however they are separated and whatever their case. */
export const itemNumberKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s\-_./:]+/g, ' ')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2')
    .trim();

/** The item a typed number names: the exact number first (ignoring case), else the one item whose parts match. */
export function findByItemNumber<Item extends { itemNumber: string }>(items: readonly Item[], typed: string): Item | undefined {
  const exact = typed.trim().replace(/\s+/g, ' ').toLowerCase();
  const same = items.find((item) => item.itemNumber.trim().replace(/\s+/g, ' ').toLowerCase() === exact);
  if (same) return same;
  const key = itemNumberKey(typed);
  const matches = items.filter((item) => itemNumberKey(item.itemNumber) === key);
  return matches.length === 1 ? matches[0] : undefined;
}
