// The small words every part of Transmittal says the same way: counts with their nouns, zero-padded numbers, the
// catalog file's extension, and who did something when the system cannot tell.

/** A catalog file's extension. */
export const CATALOG_EXTENSION = '.transmittal';

/** Who an action is recorded as when the operating system cannot say who is signed in. */
export const UNKNOWN_ACTOR = 'unknown user';

/** "1 box", "2,345 boxes": a count with its noun, in the number format of the paperwork (en-US). */
export function count(total: number, singular: string, plural = `${singular}s`): string {
  return `${total.toLocaleString('en-US')} ${total === 1 ? singular : plural}`;
}

/** "07", "0042": a number padded with zeros (dates, times, sequence numbers). */
export function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** "Permits.transmittal" → "Permits": a catalog's name without its extension (any letter case). */
export function catalogStem(fileName: string): string {
  return fileName.toLowerCase().endsWith(CATALOG_EXTENSION) ? fileName.slice(0, -CATALOG_EXTENSION.length) : fileName;
}
