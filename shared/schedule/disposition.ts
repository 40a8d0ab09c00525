// When a folder may be disposed of, worked out from its dates and its schedule item's retention rule, with one
// plain sentence a records clerk can check by hand.
//
// The rules:
// - A folder closes on the LAST day its end date can mean (its begin date when there is no end date): a day is that
//   day, a month its last day, a year Dec 31, a fiscal year the last day of that fiscal year. Fiscal years are named
//   by the calendar year they end in: with a July start, FY2019 runs 2018-07-01..2019-06-30; with a January start
//   FY2019 is calendar 2019. Counting from the last possible day means a vague date never shortens retention.
// - Calendar-year rules (CY+3) cut off at Dec 31 of the closing year; fiscal-year rules (FY+6) at the last day of
//   the fiscal year holding the closing date. Event rules have no cutoff: they count from the last day the event
//   date can mean. Until-superseded counts from the date superseded, held in the folder's event date.
// - The retention period starts the day after the cutoff (or event), and the disposition date is that day plus the
//   period: CY+3 on a folder closed 2019-03-15 → 2020-01-01 + 3 years = 2023-01-01.
// - Adding months keeps the day of the month, clamped to the month's end (Jan 31 + 1 month → Feb 28 or 29), and a
//   leap day plus whole years lands on Feb 28 in a common year. Clamping only ever moves a date earlier within its
//   month, never before the start of the period, so a longer period never gives an earlier date.
// - A legal hold suspends disposition whatever the rule says: the status is 'on-hold' but the date it would
//   otherwise have is kept so people can see what the hold is holding back.
// All arithmetic is on calendar dates as numbers (no Date objects, no time zones): an ISO date is "YYYY-MM-DD".
import { daysInMonth, parsePartialDate } from '../domain/partial-date';
import type { DispositionAction, DispositionStatus, RetentionRule } from '../domain/types';
import { count, pad } from '../domain/words';

export interface DispositionResult {
  date: string | null;
  status: DispositionStatus;
  explanation: string;
}

export interface FolderDates {
  beginDate: string;
  endDate: string;
  eventDate: string;
  legalHold: boolean;
  legalHoldReason?: string;
}

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const format = ({ year, month, day }: CalendarDay) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

function parseIso(isoDate: string): CalendarDay {
  const match = ISO_DATE.exec(isoDate);
  const parsed = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!parsed || parsed.month < 1 || parsed.month > 12 || parsed.day < 1 || parsed.day > daysInMonth(parsed.year, parsed.month)) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${isoDate}"`);
  }
  return parsed;
}

function checkStartMonth(fiscalYearStartMonth: number): void {
  if (!Number.isInteger(fiscalYearStartMonth) || fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
    throw new RangeError(`The fiscal year start month must be 1 to 12, not ${fiscalYearStartMonth}`);
  }
}

/** Last day of a fiscal year: FY2019 with a July start ends 2019-06-30; with a January start, 2019-12-31. */
export function fiscalYearEnd(fiscalYear: number, fiscalYearStartMonth: number): string {
  checkStartMonth(fiscalYearStartMonth);
  const month = fiscalYearStartMonth === 1 ? 12 : fiscalYearStartMonth - 1;
  return format({ year: fiscalYear, month, day: daysInMonth(fiscalYear, month) });
}

/** The fiscal year a day falls in, named by the calendar year it ends in (2019-08-01, July start → 2020). */
export function fiscalYearOf(isoDate: string, fiscalYearStartMonth: number): number {
  checkStartMonth(fiscalYearStartMonth);
  const { year, month } = parseIso(isoDate);
  return fiscalYearStartMonth > 1 && month >= fiscalYearStartMonth ? year + 1 : year;
}

/** The last day a partial date can mean, or null when it is empty or not a date. */
export function closingDate(partial: string, fiscalYearStartMonth: number): string | null {
  const parsed = parsePartialDate(partial);
  if (!parsed) return null;
  switch (parsed.precision) {
    case 'day':
      return format({ year: parsed.year, month: parsed.month!, day: parsed.day! });
    case 'month':
      return format({ year: parsed.year, month: parsed.month!, day: daysInMonth(parsed.year, parsed.month!) });
    case 'year':
      return format({ year: parsed.year, month: 12, day: 31 });
    case 'fiscal-year':
      return fiscalYearEnd(parsed.year, fiscalYearStartMonth);
  }
}

/** Adds whole years and months, clamping the day to the month's end (Feb 29 + 1 year → Feb 28). */
export function addPeriod(isoDate: string, years: number, months: number): string {
  const { year, month, day } = parseIso(isoDate);
  const monthIndex = year * 12 + (month - 1) + years * 12 + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = (monthIndex % 12) + 1;
  return format({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

export function dayAfter(isoDate: string): string {
  const { year, month, day } = parseIso(isoDate);
  if (day < daysInMonth(year, month)) return format({ year, month, day: day + 1 });
  return month < 12 ? format({ year, month: month + 1, day: 1 }) : format({ year: year + 1, month: 1, day: 1 });
}

const plural = (total: number, unit: string) => count(total, unit);

/** "3 years", "6 months", "2 years 6 months"; an empty string for no period at all. */
export function describePeriod(years: number, months: number): string {
  const parts = [years > 0 ? plural(years, 'year') : '', months > 0 ? plural(months, 'month') : ''];
  return parts.filter(Boolean).join(' ');
}

function eventLabel(eventName: string): string {
  return eventName.trim() || 'the event';
}

/** The rule in the schedule's shorthand: "CY+3", "FY+6", "3 years after case closed", "Permanent"... */
export function describeRule(rule: RetentionRule): string {
  switch (rule.kind) {
    case 'permanent':
      return 'Permanent';
    case 'until-superseded':
      return rule.yearsAfter > 0 ? `Superseded + ${plural(rule.yearsAfter, 'year')}` : 'Until superseded';
    case 'period': {
      const period = describePeriod(rule.years, rule.months);
      if (rule.trigger === 'event') {
        return period ? `${period} after ${eventLabel(rule.eventName)}` : `Until ${eventLabel(rule.eventName)}`;
      }
      const prefix = rule.trigger === 'calendar-year' ? 'CY' : 'FY';
      return rule.months === 0 ? `${prefix}+${rule.years}` : `${prefix}+${period}`;
    }
  }
}

function actionFrom(disposition: DispositionAction, date: string): string {
  switch (disposition) {
    case 'destroy':
      return `may be destroyed from ${date}`;
    case 'archives':
      return `goes to the archives from ${date}`;
    case 'review':
      return `is due for review from ${date}`;
  }
}

/** "2019-12-31", or "2019 (counted from 2019-12-31)" when the folder's date is less precise than a day. */
function asWritten(partial: string, closing: string): string {
  return partial.trim() === closing ? closing : `${partial.trim()} (counted from ${closing})`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function scheduled(date: string, explanation: string): DispositionResult {
  return { date, status: 'scheduled', explanation };
}

function awaitingEvent(eventName: string, disposition: DispositionAction): DispositionResult {
  const outcome = disposition === 'archives' ? 'goes to the archives' : disposition === 'review' ? 'is due for review' : 'may be destroyed';
  return {
    date: null,
    status: 'awaiting-event',
    explanation: `Waiting for the event: ${eventLabel(eventName)}; enter its date to work out when the folder ${outcome}.`,
  };
}

/** Disposition ignoring any legal hold. */
function computeUnheld(
  folder: FolderDates,
  item: { rule: RetentionRule; disposition: DispositionAction } | null,
  fiscalYearStartMonth: number,
): DispositionResult {
  if (!item) {
    return {
      date: null,
      status: 'no-schedule',
      explanation: 'No retention schedule item is assigned; choose the series this folder belongs to.',
    };
  }
  const { rule, disposition } = item;
  if (rule.kind === 'permanent') {
    const where = disposition === 'archives' ? '; goes to the archives' : '; kept by the department';
    return { date: null, status: 'permanent', explanation: `Permanent: never destroyed${where}.` };
  }
  if (rule.kind === 'until-superseded') {
    const superseded = closingDate(folder.eventDate, fiscalYearStartMonth);
    if (!superseded) return awaitingEvent('superseded', disposition);
    const date = addPeriod(dayAfter(superseded), rule.yearsAfter, 0);
    const kept = rule.yearsAfter > 0 ? `kept ${plural(rule.yearsAfter, 'year')} after that` : 'kept until then';
    return scheduled(date, `Superseded ${asWritten(folder.eventDate, superseded)}; ${kept}; ${actionFrom(disposition, date)}.`);
  }
  const period = describePeriod(rule.years, rule.months);
  if (rule.trigger === 'event') {
    const event = closingDate(folder.eventDate, fiscalYearStartMonth);
    if (!event) return awaitingEvent(rule.eventName, disposition);
    const date = addPeriod(dayAfter(event), rule.years, rule.months);
    const label = eventLabel(rule.eventName);
    const kept = period ? `kept ${period} after ${label}` : `kept until ${label}`;
    return scheduled(date, `${capitalize(label)} ${asWritten(folder.eventDate, event)}; ${kept}; ${actionFrom(disposition, date)}.`);
  }
  const written = folder.endDate.trim() || folder.beginDate.trim();
  const closing = closingDate(written, fiscalYearStartMonth);
  if (!closing) {
    return {
      date: null,
      status: 'undated',
      explanation: 'The folder has no usable date, so its disposition date cannot be worked out; add its begin or end date.',
    };
  }
  const shorthand = describeRule(rule);
  let cutoff: string;
  let kept: string;
  if (rule.trigger === 'calendar-year') {
    const year = closing.slice(0, 4);
    cutoff = `${year}-12-31`;
    kept = period ? `kept ${period} after the end of calendar year ${year}` : `kept to the end of calendar year ${year}`;
  } else {
    const fiscalYear = fiscalYearOf(closing, fiscalYearStartMonth);
    cutoff = fiscalYearEnd(fiscalYear, fiscalYearStartMonth);
    kept = period
      ? `kept ${period} after FY${fiscalYear} ended on ${cutoff}`
      : `kept until FY${fiscalYear} ended on ${cutoff}`;
  }
  const date = addPeriod(dayAfter(cutoff), rule.years, rule.months);
  return scheduled(date, `Closed ${asWritten(written, closing)}; ${kept} (${shorthand}); ${actionFrom(disposition, date)}.`);
}

/** When a folder may be disposed of under its schedule item, and why, in one sentence. */
export function computeDisposition(
  folder: FolderDates,
  item: { rule: RetentionRule; disposition: DispositionAction } | null,
  fiscalYearStartMonth: number,
): DispositionResult {
  checkStartMonth(fiscalYearStartMonth);
  const unheld = computeUnheld(folder, item, fiscalYearStartMonth);
  if (!folder.legalHold) return unheld;
  const reason = folder.legalHoldReason?.trim() ? ` (${folder.legalHoldReason.trim()})` : '';
  const otherwise = unheld.explanation.charAt(0).toLowerCase() + unheld.explanation.slice(1);
  return {
    date: unheld.date,
    status: 'on-hold',
    explanation: `On legal hold${reason}, so disposition is suspended until the hold is lifted; without the hold: ${otherwise}`,
  };
}
