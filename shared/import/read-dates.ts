// Dates as box lists write them, read into the partial dates the catalog stores ("2019-03-15", "2019-03", "2019",
// "FY2019") with the precision kept: a year stays a year, a month a month.
//
// Choices, for text a person could mean two ways:
// - Slashes and dashes are read in US order (03/04/2019 is March 4) unless the first number is over 12 (15/03/2019 is
//   15 March). Dots are read in European order (04.03.2019 is 4 March): only day-first countries write dates so.
// - Two-digit years follow Excel: 00–29 are 2000–2029, 30–99 are 1930–1999 ("FY19" is FY2019, "3/15/98" is 1998).
// - "2019-03" is March 2019 (ISO 8601, as Transmittal itself writes it); a range of years is "2019-2021",
//   "2019–21" (a dash, or a hyphen with spaces) or "2019 to 2021".
// - A fiscal year is named by the calendar year it ends in: "FY 2018-19" is FY2019 (only when the fiscal year does
//   not start in January). Month names are English.
import { closingDate } from '../schedule/disposition';
import { daysInMonth, parsePartialDate } from '../domain/partial-date';
import type { CellReading, CellValue } from './types';
import { pad } from '../domain/words';

const ok = <T>(value: T, note?: string): CellReading<T> => (note ? { ok: true, value, note } : { ok: true, value });
const fail = (reason: string): CellReading<never> => ({ ok: false, reason });

const HOW = 'write it as 2019-03-15, 03/15/2019, March 2019, 2019 or FY2019';

/**
 * The longest text read as a date or date range ("approx. September 15th, 2019 through December 31st, 2021" is 60).
 * Longer cells are refused before any pattern runs, so no cell, however long, can make reading slow.
 */
export const LONGEST_DATE_TEXT = 80;

export const tooLongForADate = (text: string): CellReading<never> =>
  fail(`a text of ${text.length.toLocaleString('en-US')} characters is too long to be a date; ${HOW}`);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const monthNumber = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** Excel's pivot for two-digit years. */
export const fullYear = (digits: string) => (digits.length === 4 ? Number(digits) : Number(digits) + (Number(digits) < 30 ? 2000 : 1900));

function dayText(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthText(year: number, month: number): string | null {
  return year < 1000 || year > 9999 || month < 1 || month > 12 ? null : `${year}-${pad(month)}`;
}

const TIME = String.raw`(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:z|[+-]\d{2}:?\d{2}|[ap]\.?m\.?)?)?`;
const PATTERNS: { pattern: RegExp; read: (match: RegExpExecArray, fiscalYearStartMonth: number) => string | null | { reason: string } }[] = [
  { pattern: new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i'), read: (m) => dayText(Number(m[1]), Number(m[2]), Number(m[3])) },
  { pattern: /^(\d{4})[-/.](\d{1,2})$/, read: (m) => monthText(Number(m[1]), Number(m[2])) },
  {
    pattern: new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`, 'i'),
    read: (m) => {
      const [first, second, year] = [Number(m[1]), Number(m[3]), fullYear(m[4])];
      const dayFirst = m[2] === '.' || first > 12;
      return dayFirst ? dayText(year, second, first) : dayText(year, first, second);
    },
  },
  { pattern: /^(\d{1,2})[-/.](\d{4})$/, read: (m) => monthText(Number(m[2]), Number(m[1])) },
  { pattern: /^(\d{4})$/, read: (m) => (Number(m[1]) >= 1000 ? m[1] : null) },
  { pattern: /^(?:fy|fiscal(?: year)?)\s*[-.:]?\s*(\d{4}|\d{2})$/i, read: (m) => `FY${fullYear(m[1])}` },
  {
    // "FY 2018-19" names one fiscal year by both its calendar years; "FY2018-FY2019" is a range of two.
    pattern: /^(?:fy|fiscal(?: year)?)\s*[-.:]?\s*(\d{4}|\d{2})\s*[-/–—]\s*(\d{4}|\d{2})$/i,
    read: (m, fiscalYearStartMonth) => {
      const first = fullYear(m[1]);
      const second = m[2].length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) + (Number(m[2]) < first % 100 ? 100 : 0) : Number(m[2]);
      if (second !== first + 1) return null;
      if (fiscalYearStartMonth === 1) return { reason: `"${m[0]}" spans two years, but your fiscal year is the calendar year: write FY${first} or FY${second}` };
      return `FY${second}`;
    },
  },
  { pattern: new RegExp(String.raw`^${MONTH}[\s,-]*(\d{4})$`, 'i'), read: (m) => monthText(Number(m[2]), monthNumber(m[1])) },
  // "Mar-19" is how Excel shows a month in its mmm-yy format; "Mar 19" without the dash could be the 19th.
  { pattern: new RegExp(String.raw`^${MONTH}-(\d{2})$`, 'i'), read: (m) => monthText(fullYear(m[2]), monthNumber(m[1])) },
  {
    pattern: new RegExp(String.raw`^${MONTH}\s*(\d{1,2})(?:st|nd|rd|th)?[\s,]+(\d{4})$`, 'i'),
    read: (m) => dayText(Number(m[3]), monthNumber(m[1]), Number(m[2])),
  },
  {
    pattern: new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th)?[\s-]*${MONTH}[\s,-]*(\d{4}|\d{2})$`, 'i'),
    read: (m) => dayText(fullYear(m[3]), monthNumber(m[2]), Number(m[1])),
  },
];

const UNDATED = /^(?:n\.?\s?d\.?|undated|no dates?|unknown|none|n\/a|-+|–|—|\?+)$/i;
const CIRCA = /^(?:c\.|ca\.?|circa|approx\.?|about)\s*/i;

/** A date written as text; '' when the text says there is no date ("n.d.", "undated"), kept as a note. */
export function readDateText(text: string, fiscalYearStartMonth = 7): CellReading<string> {
  if (text.length > LONGEST_DATE_TEXT * 4) return tooLongForADate(text.trim());
  let value = text.replace(/\s+/g, ' ').trim();
  if (value.length > LONGEST_DATE_TEXT) return tooLongForADate(value);
  if (value === '') return ok('');
  if (UNDATED.test(value)) return ok('', value);
  let note: string | undefined;
  if (CIRCA.test(value)) {
    note = `circa (the file says "${value}")`;
    value = value.replace(CIRCA, '');
  }
  for (const { pattern, read } of PATTERNS) {
    const match = pattern.exec(value);
    if (!match) continue;
    const result = read(match, fiscalYearStartMonth);
    if (typeof result === 'object' && result !== null) return fail(result.reason);
    if (result === null || !parsePartialDate(result)) return fail(`"${text.trim()}" is not a real date; ${HOW}`);
    return ok(result, note);
  }
  if (/^(?:q[1-4]|[1-4](?:st|nd|rd|th) quarter|spring|summer|fall|autumn|winter)\b/i.test(value)) {
    return fail(`"${text.trim()}" is a quarter or season, which a folder date cannot hold; write the year (2019) or the months as a range`);
  }
  return fail(`"${text.trim()}" is not a date Transmittal can read; ${HOW}`);
}

/**
 * A date cell → the stored partial date, or the reason it cannot be read. Excel date cells give the day (their UTC
 * calendar date, which is how SheetJS returns them); a whole number from 1000 to 9999 is a year.
 */
export function readDate(cell: CellValue, fiscalYearStartMonth = 7): CellReading<string> {
  if (cell === null || cell === undefined) return ok('');
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('The date cell is empty or damaged');
    // To the nearest second: a date stored as a fraction of a day can land a hair before midnight.
    const date = new Date(Math.round(cell.getTime() / 1000) * 1000);
    const day = dayText(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    return day ? ok(day) : fail(`${date.toISOString().slice(0, 10)} is outside the years 1000–9999; ${HOW}`);
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1000 && cell <= 9999) return ok(String(cell));
    // An Excel date whose cell lost its date format shows as its serial number (days since 1899-12-30).
    if (cell >= 10_000 && cell < 110_000) {
      const asDate = new Date(Date.UTC(1899, 11, 30) + Math.floor(cell) * 86_400_000).toISOString().slice(0, 10);
      return fail(`${cell} is a number, not a date; if it is meant as ${asDate}, format the column as a date in the spreadsheet`);
    }
    return fail(`${cell} is a number, not a date; ${HOW}`);
  }
  if (typeof cell === 'boolean') return fail(`${cell ? 'TRUE' : 'FALSE'} is not a date; ${HOW}`);
  return readDateText(cell, fiscalYearStartMonth);
}

/** The first day a partial date can mean (FY2019 with a July start: 2018-07-01). */
export function openingDate(partial: string, fiscalYearStartMonth = 7): string | null {
  const fiscal = /^FY(\d{4})$/.exec(partial);
  if (fiscal) {
    const year = Number(fiscal[1]) - (fiscalYearStartMonth > 1 ? 1 : 0);
    return `${year}-${pad(fiscalYearStartMonth)}-01`;
  }
  if (/^\d{4}$/.test(partial)) return `${partial}-01-01`;
  if (/^\d{4}-\d{2}$/.test(partial)) return `${partial}-01`;
  return /^\d{4}-\d{2}-\d{2}$/.test(partial) ? partial : null;
}

/** Whether the end certainly comes before the beginning, whatever each one's precision. */
export function endsBeforeBegins(begin: string, end: string, fiscalYearStartMonth = 7): boolean {
  if (!begin || !end) return false;
  const first = openingDate(begin, fiscalYearStartMonth);
  const last = closingDate(end, fiscalYearStartMonth);
  return first !== null && last !== null && last < first;
}
