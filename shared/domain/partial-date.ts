// Dates as departments write them: a day, a month, a year or a fiscal year, with that precision kept.
// Stored as text: "2019-03-15", "2019-03", "2019" or "FY2019" (a fiscal year is named by the calendar year it ends in).
import { z } from 'zod';

export type DatePrecision = 'day' | 'month' | 'year' | 'fiscal-year';

export interface ParsedPartialDate {
  precision: DatePrecision;
  year: number;
  month?: number;
  day?: number;
}

const PARTIAL_DATE = /^(?:FY(\d{4})|(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?)$/;

export function parsePartialDate(text: string): ParsedPartialDate | null {
  const match = PARTIAL_DATE.exec(text.trim());
  if (!match) return null;
  // Four digits alone would let "0000" or "FY0019" through; years before 1000 are typing slips, not records.
  const year = Number(match[1] ?? match[2]);
  if (year < 1000) return null;
  if (match[1]) return { precision: 'fiscal-year', year };
  if (!match[3]) return { precision: 'year', year };
  const month = Number(match[3]);
  if (month < 1 || month > 12) return null;
  if (!match[4]) return { precision: 'month', year, month };
  const day = Number(match[4]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { precision: 'day', year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const partialDateSchema = z
  .string()
  .trim()
  .refine((text) => parsePartialDate(text) !== null, {
    message: 'Write a date as 2019-03-15, 2019-03, 2019 or FY2019',
  });

/** An ISO calendar date "YYYY-MM-DD" (a computed date such as a disposition date). */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD');
