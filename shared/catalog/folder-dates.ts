// The span a folder's dates cover, as real calendar days: used to filter by year, to show a box's date span and to
// sort. Precision is kept in what is stored; these days are derived.
import { parsePartialDate } from '../domain/partial-date';
import { closingDate } from '../schedule/disposition';
import { pad } from '../domain/words';


/** First day a partial date can mean: "2019" → 2019-01-01; "FY2019" (July start) → 2018-07-01. */
export function openingDate(partial: string, fiscalYearStartMonth: number): string | null {
  const parsed = parsePartialDate(partial);
  if (!parsed) return null;
  switch (parsed.precision) {
    case 'day':
      return `${parsed.year}-${pad(parsed.month!)}-${pad(parsed.day!)}`;
    case 'month':
      return `${parsed.year}-${pad(parsed.month!)}-01`;
    case 'year':
      return `${parsed.year}-01-01`;
    case 'fiscal-year': {
      const startYear = fiscalYearStartMonth === 1 ? parsed.year : parsed.year - 1;
      return `${startYear}-${pad(fiscalYearStartMonth)}-01`;
    }
  }
}

/** The first and last day a folder covers, from its begin and end dates (either may stand alone). */
export function folderSpan(
  folder: { beginDate: string; endDate: string },
  fiscalYearStartMonth: number,
): { firstDay: string | null; lastDay: string | null } {
  const begin = folder.beginDate || folder.endDate;
  const end = folder.endDate || folder.beginDate;
  return {
    firstDay: begin ? openingDate(begin, fiscalYearStartMonth) : null,
    lastDay: end ? closingDate(end, fiscalYearStartMonth) : null,
  };
}

/** A span's first day as briefly as it is exact: 2019-01-01 → "2019", 2019-03-01 → "2019-03". */
export function compactStart(isoDay: string | null): string | null {
  if (!isoDay) return null;
  if (isoDay.endsWith('-01-01')) return isoDay.slice(0, 4);
  if (isoDay.endsWith('-01')) return isoDay.slice(0, 7);
  return isoDay;
}

/** A span's last day as briefly as it is exact: 2019-12-31 → "2019", 2019-02-28 → "2019-02". */
export function compactEnd(isoDay: string | null): string | null {
  if (!isoDay) return null;
  if (isoDay.endsWith('-12-31')) return isoDay.slice(0, 4);
  const [year, month, day] = isoDay.split('-').map(Number);
  if (day === new Date(Date.UTC(year, month, 0)).getUTCDate()) return isoDay.slice(0, 7);
  return isoDay;
}
