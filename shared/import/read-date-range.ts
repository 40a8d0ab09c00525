// A date range in one cell, as box lists write a folder's or a box's span: "2019-2021", "1998–99", "Jan 2017 - Mar 2018",
// "2015 to 2016", "1998-ongoing". Each end keeps its own precision; an open end ("ongoing", "present") is left empty
// and said in a note, so the folder shows no end date rather than a made-up one.
import { endsBeforeBegins, fullYear, LONGEST_DATE_TEXT, readDate, readDateText, tooLongForADate } from './read-dates';
import type { CellReading, CellValue } from './types';

export interface DateRange {
  begin: string;
  end: string;
}

const OPEN_END = /^(?:ongoing|on-going|present|current|to date|now|continuing|open|active|onwards?|\.\.\.|…)$/i;
const SINCE = /^(?:since|from)\s+(.+)$/i;
// A hyphen alone is part of ISO dates ("2019-03"), so it separates a range only where both sides read as dates.
const SEPARATORS = /\s+(?:to|through|thru|until|till)\s+|\s*[–—]\s*|\s+-\s+|-/gi;
const MONTH_ONLY = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$/i;

const ok = (begin: string, end: string, note?: string): CellReading<DateRange> =>
  note ? { ok: true, value: { begin, end }, note } : { ok: true, value: { begin, end } };

/** A range cell → { begin, end }, or the reason it cannot be read. A single date is both ends. */
export function readDateRange(cell: CellValue, fiscalYearStartMonth = 7): CellReading<DateRange> {
  if (typeof cell !== 'string') {
    const single = readDate(cell, fiscalYearStartMonth);
    return single.ok ? ok(single.value, single.value) : single;
  }
  if (cell.length > LONGEST_DATE_TEXT * 4) return tooLongForADate(cell.trim());
  const text = cell.replace(/\s+/g, ' ').trim();
  if (text.length > LONGEST_DATE_TEXT) return tooLongForADate(text);
  const whole = readDateText(text, fiscalYearStartMonth);
  if (whole.ok) return ok(whole.value, whole.value, whole.note);

  const since = SINCE.exec(text);
  if (since) {
    const begin = readDateText(since[1], fiscalYearStartMonth);
    if (begin.ok && begin.value) return ok(begin.value, '', 'ongoing');
  }
  const ranges = /^(\d{4})\s*\/\s*(\d{4})$/.exec(text);
  if (ranges) return checked(text, ranges[1], ranges[2], fiscalYearStartMonth);

  for (const separator of text.matchAll(SEPARATORS)) {
    const left = text.slice(0, separator.index).trim();
    const right = text.slice(separator.index + separator[0].length).trim();
    if (left === '') continue;
    if (right === '' || OPEN_END.test(right)) {
      const begin = readDateText(left, fiscalYearStartMonth);
      if (begin.ok && begin.value) return ok(begin.value, '', 'ongoing');
      continue;
    }
    const end = readEnd(left, right, fiscalYearStartMonth);
    if (!end) continue;
    const begin = readBegin(left, end, fiscalYearStartMonth);
    if (begin) return checked(text, begin, end, fiscalYearStartMonth);
  }
  return {
    ok: false,
    reason: `"${text}" is not a date range Transmittal can read; write it as 2019-2021, Jan 2017 - Mar 2018, 03/15/2019 to 04/30/2020 or 1998-ongoing`,
  };
}

/** The end; two digits after a year are that year's century ("1998-99" → 1999, "1999-00" → 2000). */
function readEnd(left: string, right: string, fiscalYearStartMonth: number): string | null {
  const shortYear = /^(\d{2})$/.exec(right);
  const leftYear = /^(?:(FY)\s*)?(\d{4})$/i.exec(left);
  if (shortYear && leftYear) {
    const start = Number(leftYear[2]);
    const year = Math.floor(start / 100) * 100 + Number(shortYear[1]) + (Number(shortYear[1]) < start % 100 ? 100 : 0);
    return leftYear[1] ? `FY${year}` : String(year);
  }
  if (shortYear) return null;
  const end = readDateText(right, fiscalYearStartMonth);
  return end.ok && end.value ? end.value : null;
}

/** The beginning; a month without a year takes the end's year ("Jan - Mar 2019"), or the year before if later. */
function readBegin(left: string, end: string, fiscalYearStartMonth: number): string | null {
  const endYear = /^(?:FY)?(\d{4})/.exec(end);
  if (MONTH_ONLY.test(left) && endYear && /^\d{4}-\d{2}/.test(end)) {
    const month = readDateText(`${left} ${endYear[1]}`, fiscalYearStartMonth);
    if (!month.ok) return null;
    return month.value > end.slice(0, 7) ? `${fullYear(endYear[1]) - 1}${month.value.slice(4)}` : month.value;
  }
  const begin = readDateText(left, fiscalYearStartMonth);
  return begin.ok && begin.value ? begin.value : null;
}

function checked(text: string, begin: string, end: string, fiscalYearStartMonth: number): CellReading<DateRange> {
  if (endsBeforeBegins(begin, end, fiscalYearStartMonth)) return { ok: false, reason: `"${text}" ends before it begins (${end} is before ${begin})` };
  return ok(begin, end);
}
