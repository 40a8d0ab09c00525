// Reads spreadsheet cells as people type them into the folder grid or paste them from Excel.
import { parsePartialDate } from '../domain/partial-date';
import { media, type Medium } from '../domain/types';
import { readDateText } from '../import/read-dates';
import { pad } from '../domain/words';


/**
 * A date cell as written → the stored partial date, keeping its precision: "2019-03-15", "3/15/2019" (US order),
 * "2019-03", "3/2019", "2019", "FY2019" / "FY 2019", then whatever the import's date reader takes (readDateText).
 * Returns null when the text is not a date we can read.
 */
export function readDateCell(text: string): string | null {
  const value = text.trim();
  if (value === '') return '';
  const fiscal = /^FY\s*(\d{4})$/i.exec(value);
  if (fiscal) return `FY${fiscal[1]}`;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const candidate = us
    ? `${us[3]}-${pad(Number(us[1]))}-${pad(Number(us[2]))}`
    : /^(\d{1,2})\/(\d{4})$/.test(value)
      ? value.replace(/^(\d{1,2})\/(\d{4})$/, (_, month: string, year: string) => `${year}-${pad(Number(month))}`)
      : value;
  if (parsePartialDate(candidate)) return candidate;
  // Everything else the import reads ("March 2019", "15.03.2019", "FY19"...). A "circa" or "n.d." comes back with a
  // note the grid has nowhere to keep, so it stays text for the person to see rather than a silently changed date.
  const reading = readDateText(value);
  return reading.ok && !reading.note ? reading.value : null;
}

const YES = new Set(['yes', 'y', 'true', 'x', '1', 'confidential', '✓']);
const NO = new Set(['no', 'n', 'false', '0', '', '-']);

export function readBooleanCell(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return null;
}

export function readMediumCell(text: string): Medium | null {
  const value = text.trim().toLowerCase();
  if (value === '') return 'paper';
  return (media as readonly string[]).includes(value) ? (value as Medium) : null;
}

export function readPositionCell(text: string): number | null {
  const value = text.trim();
  return /^\d{1,6}$/.test(value) && Number(value) >= 1 ? Number(value) : null;
}
