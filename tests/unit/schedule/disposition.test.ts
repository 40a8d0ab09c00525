import { describe, expect, it } from 'vitest';
import {
  addPeriod,
  closingDate,
  computeDisposition,
  dayAfter,
  describeRule,
  fiscalYearOf,
  type FolderDates,
} from '../../../shared/schedule/disposition';
import type { DispositionAction, RetentionRule } from '../../../shared/domain/types';

const cy = (years: number, months = 0): RetentionRule => ({ kind: 'period', years, months, trigger: 'calendar-year', eventName: '' });
const fy = (years: number, months = 0): RetentionRule => ({ kind: 'period', years, months, trigger: 'fiscal-year', eventName: '' });
const after = (eventName: string, years: number, months = 0): RetentionRule => ({
  kind: 'period',
  years,
  months,
  trigger: 'event',
  eventName,
});
const permanent: RetentionRule = { kind: 'permanent' };
const superseded = (yearsAfter = 0): RetentionRule => ({ kind: 'until-superseded', yearsAfter });

const folder = (dates: Partial<FolderDates>): FolderDates => ({ beginDate: '', endDate: '', eventDate: '', legalHold: false, ...dates });
const item = (rule: RetentionRule, disposition: DispositionAction = 'destroy') => ({ rule, disposition });

describe('closingDate: the last day a folder date can mean', () => {
  it.each([
    ['2019-03-15', 7, '2019-03-15'],
    ['2019-02', 7, '2019-02-28'],
    ['2020-02', 7, '2020-02-29'],
    ['2019-04', 7, '2019-04-30'],
    ['2019-12', 7, '2019-12-31'],
    ['2019', 7, '2019-12-31'],
    ['FY2019', 7, '2019-06-30'],
    ['FY2019', 1, '2019-12-31'],
    ['FY2019', 10, '2019-09-30'],
    ['FY2019', 4, '2019-03-31'],
    ['FY2020', 3, '2020-02-29'],
    ['FY2019', 12, '2019-11-30'],
    ['', 7, null],
    ['abc', 7, null],
    ['2019-13', 7, null],
  ])('%j with the fiscal year starting in month %i closes %j', (partial, startMonth, expected) => {
    expect(closingDate(partial, startMonth)).toBe(expected);
  });
});

describe('fiscalYearOf', () => {
  it.each([
    ['2019-03-15', 7, 2019],
    ['2019-06-30', 7, 2019],
    ['2019-07-01', 7, 2020],
    ['2019-08-01', 7, 2020],
    ['2019-01-01', 1, 2019],
    ['2019-12-31', 1, 2019],
    ['2018-10-01', 10, 2019],
    ['2019-09-30', 10, 2019],
    ['2019-10-01', 10, 2020],
    ['2019-03-31', 4, 2019],
    ['2019-04-01', 4, 2020],
  ])('%s, fiscal year starting in month %i, is FY%i', (date, startMonth, expected) => {
    expect(fiscalYearOf(date, startMonth)).toBe(expected);
  });

  it('refuses a start month that is not 1 to 12 and a date that is not a calendar day', () => {
    expect(() => fiscalYearOf('2019-03-15', 0)).toThrow(RangeError);
    expect(() => fiscalYearOf('2019-03-15', 13)).toThrow(RangeError);
    expect(() => fiscalYearOf('2019-02-30', 7)).toThrow(RangeError);
  });
});

describe('addPeriod and dayAfter', () => {
  it.each([
    ['2020-01-01', 3, 0, '2023-01-01'],
    ['2019-01-31', 0, 1, '2019-02-28'],
    ['2020-01-31', 0, 1, '2020-02-29'],
    ['2019-03-31', 0, 1, '2019-04-30'],
    ['2019-11-30', 0, 3, '2020-02-29'],
    ['2019-12-15', 0, 1, '2020-01-15'],
    ['2019-08-31', 1, 6, '2021-02-28'],
    ['2020-02-29', 1, 0, '2021-02-28'],
    ['2020-02-29', 4, 0, '2024-02-29'],
    ['2019-05-05', 0, 0, '2019-05-05'],
  ])('%s + %i years %i months = %s', (date, years, months, expected) => {
    expect(addPeriod(date, years, months)).toBe(expected);
  });

  it.each([
    ['2019-03-15', '2019-03-16'],
    ['2019-02-28', '2019-03-01'],
    ['2020-02-28', '2020-02-29'],
    ['2020-02-29', '2020-03-01'],
    ['2019-04-30', '2019-05-01'],
    ['2019-12-31', '2020-01-01'],
  ])('the day after %s is %s', (date, expected) => {
    expect(dayAfter(date)).toBe(expected);
  });

  it('refuses text that is not a calendar day', () => {
    expect(() => addPeriod('2019-03', 1, 0)).toThrow(RangeError);
    expect(() => dayAfter('2019-02-29')).toThrow(RangeError);
  });
});

describe('describeRule', () => {
  it.each([
    [cy(3), 'CY+3'],
    [cy(0), 'CY+0'],
    [cy(2, 6), 'CY+2 years 6 months'],
    [fy(6), 'FY+6'],
    [fy(0, 6), 'FY+6 months'],
    [after('case closed', 3), '3 years after case closed'],
    [after('employee separated', 1), '1 year after employee separated'],
    [after('application expired', 1, 6), '1 year 6 months after application expired'],
    [after('', 2), '2 years after the event'],
    [after('contract completed', 0), 'Until contract completed'],
    [permanent, 'Permanent'],
    [superseded(), 'Until superseded'],
    [superseded(2), 'Superseded + 2 years'],
    [superseded(1), 'Superseded + 1 year'],
  ])('%j reads %j', (rule, expected) => {
    expect(describeRule(rule)).toBe(expected);
  });
});

type Case = [name: string, dates: Partial<FolderDates>, rule: RetentionRule, startMonth: number, expected: string | null];

describe('computeDisposition: rules with a date', () => {
  const cases: Case[] = [
    // calendar year: cut off at Dec 31 of the closing year
    ['CY+3 closed mid-year', { endDate: '2019-03-15' }, cy(3), 7, '2023-01-01'],
    ['CY+3 closed on Dec 31', { endDate: '2019-12-31' }, cy(3), 7, '2023-01-01'],
    ['CY+3 closed on Jan 1', { endDate: '2020-01-01' }, cy(3), 7, '2024-01-01'],
    ['CY+3 year-precise folder', { endDate: '2019' }, cy(3), 7, '2023-01-01'],
    ['CY+3 month-precise folder', { endDate: '2019-02' }, cy(3), 7, '2023-01-01'],
    ['CY+3 counts from the begin date when there is no end date', { beginDate: '2018-06-01' }, cy(3), 7, '2022-01-01'],
    ['CY+3 uses the end date, not the begin date', { beginDate: '2015-01-01', endDate: '2018-06-01' }, cy(3), 7, '2022-01-01'],
    ['CY+3 fiscal-year-precise folder, July start', { endDate: 'FY2020' }, cy(3), 7, '2024-01-01'],
    ['CY+0 is the first day of the next year', { endDate: '2019-05-05' }, cy(0), 7, '2020-01-01'],
    ['CY+2 years 6 months', { endDate: '2019-03-15' }, cy(2, 6), 7, '2022-07-01'],
    // fiscal year, July start (FY2019 = 2018-07-01..2019-06-30)
    ['FY+6 July start, closed in FY2019', { endDate: '2019-03-15' }, fy(6), 7, '2025-07-01'],
    ['FY+6 July start, closed in FY2020', { endDate: '2019-08-01' }, fy(6), 7, '2026-07-01'],
    ['FY+6 July start, last day of FY2019', { endDate: '2019-06-30' }, fy(6), 7, '2025-07-01'],
    ['FY+6 July start, first day of FY2020', { endDate: '2019-07-01' }, fy(6), 7, '2026-07-01'],
    ['FY+6 July start, folder dated FY2019', { endDate: 'FY2019' }, fy(6), 7, '2025-07-01'],
    ['FY+6 July start, folder dated June 2019', { endDate: '2019-06' }, fy(6), 7, '2025-07-01'],
    ['FY+6 July start, folder dated 2019 closes Dec 31 in FY2020', { endDate: '2019' }, fy(6), 7, '2026-07-01'],
    ['FY+3 6 months, July start', { endDate: '2019-03-15' }, fy(3, 6), 7, '2023-01-01'],
    // fiscal year = calendar year
    ['FY+6 January start', { endDate: '2019-03-15' }, fy(6), 1, '2026-01-01'],
    ['FY+6 January start, Dec 31', { endDate: '2019-12-31' }, fy(6), 1, '2026-01-01'],
    ['FY+6 January start, Jan 1', { endDate: '2020-01-01' }, fy(6), 1, '2027-01-01'],
    ['FY+6 January start, folder dated FY2019', { endDate: 'FY2019' }, fy(6), 1, '2026-01-01'],
    // federal-style October start (FY2019 = 2018-10-01..2019-09-30)
    ['FY+3 October start, first day of FY2019', { endDate: '2018-10-01' }, fy(3), 10, '2022-10-01'],
    ['FY+3 October start, last day of FY2019', { endDate: '2019-09-30' }, fy(3), 10, '2022-10-01'],
    ['FY+3 October start, first day of FY2020', { endDate: '2019-10-01' }, fy(3), 10, '2023-10-01'],
    ['FY+3 October start, folder dated FY2019', { endDate: 'FY2019' }, fy(3), 10, '2022-10-01'],
    ['FY+1 April start, Mar 31', { endDate: '2019-03-31' }, fy(1), 4, '2020-04-01'],
    // events: no cutoff, counted from the day after the event
    ['3 years after case closed', { endDate: '2018-01-05', eventDate: '2019-03-15' }, after('case closed', 3), 7, '2022-03-16'],
    ['event dated to the month', { eventDate: '2019-03' }, after('case closed', 3), 7, '2022-04-01'],
    ['event dated to the year', { eventDate: '2019' }, after('case closed', 3), 7, '2023-01-01'],
    ['event dated to a fiscal year', { eventDate: 'FY2019' }, after('case closed', 3), 7, '2022-07-01'],
    ['event rule with months', { eventDate: '2020-08-31' }, after('application expired', 1, 6), 7, '2022-03-01'],
    ['event rule counting months across a short month', { eventDate: '2019-01-30' }, after('notice', 0, 1), 7, '2019-02-28'],
    ['event on a leap day', { eventDate: '2020-02-28' }, after('employee separated', 1), 7, '2021-02-28'],
    // until superseded: the event date holds the date superseded
    ['until superseded', { beginDate: '2014-02-01', eventDate: '2020-05-01' }, superseded(), 7, '2020-05-02'],
    ['superseded + 2 years', { eventDate: '2020-05-01' }, superseded(2), 7, '2022-05-02'],
    ['superseded in a month', { eventDate: '2020-12' }, superseded(2), 7, '2023-01-01'],
  ];
  it.each(cases)('%s', (_name, dates, rule, startMonth, expected) => {
    const result = computeDisposition(folder(dates), item(rule), startMonth);
    expect(result).toMatchObject({ date: expected, status: 'scheduled' });
    expect(result.explanation).toContain(expected!);
  });
});

describe('computeDisposition: when there is no date to give', () => {
  it.each([
    ['event rule without its event', { endDate: '2019-03-15' }, after('case closed', 3), 'awaiting-event', 'Waiting for the event: case closed'],
    ['event rule with an unnamed event', {}, after('', 3), 'awaiting-event', 'Waiting for the event: the event'],
    ['superseded without a date', { beginDate: '2014-02-01' }, superseded(2), 'awaiting-event', 'Waiting for the event: superseded'],
    ['CY rule on an undated folder', {}, cy(3), 'undated', 'no usable date'],
    ['FY rule on an undated folder', { eventDate: '2019-01-01' }, fy(6), 'undated', 'no usable date'],
    ['CY rule on a folder dated in garbage', { endDate: 'sometime' }, cy(3), 'undated', 'no usable date'],
  ] as const)('%s', (_name, dates, rule, status, words) => {
    const result = computeDisposition(folder(dates), item(rule), 7);
    expect(result.date).toBeNull();
    expect(result.status).toBe(status);
    expect(result.explanation).toContain(words);
  });

  it('permanent records are never destroyed and go to the archives', () => {
    expect(computeDisposition(folder({ endDate: '2019' }), item(permanent, 'archives'), 7)).toEqual({
      date: null,
      status: 'permanent',
      explanation: 'Permanent: never destroyed; goes to the archives.',
    });
  });

  it('a folder with no schedule item says so', () => {
    const result = computeDisposition(folder({ endDate: '2019' }), null, 7);
    expect(result).toMatchObject({ date: null, status: 'no-schedule' });
    expect(result.explanation).toMatch(/schedule/);
  });
});

describe('computeDisposition: explanations a clerk can check', () => {
  it.each([
    [{ endDate: '2019-12-31' }, cy(3), 'destroy', 'Closed 2019-12-31; kept 3 years after the end of calendar year 2019 (CY+3); may be destroyed from 2023-01-01.'],
    [{ endDate: '2019' }, cy(3), 'destroy', 'Closed 2019 (counted from 2019-12-31); kept 3 years after the end of calendar year 2019 (CY+3); may be destroyed from 2023-01-01.'],
    [{ endDate: '2019-03-15' }, fy(6), 'destroy', 'Closed 2019-03-15; kept 6 years after FY2019 ended on 2019-06-30 (FY+6); may be destroyed from 2025-07-01.'],
    [{ eventDate: '2019-03-15' }, after('case closed', 3), 'review', 'Case closed 2019-03-15; kept 3 years after case closed; is due for review from 2022-03-16.'],
    [{ eventDate: '2020-05-01' }, superseded(2), 'destroy', 'Superseded 2020-05-01; kept 2 years after that; may be destroyed from 2022-05-02.'],
    [{ endDate: '2010' }, cy(10), 'archives', 'Closed 2010 (counted from 2010-12-31); kept 10 years after the end of calendar year 2010 (CY+10); goes to the archives from 2021-01-01.'],
  ] as const)('%j under %j', (dates, rule, disposition, expected) => {
    expect(computeDisposition(folder(dates), item(rule, disposition), 7).explanation).toBe(expected);
  });
});

describe('computeDisposition: legal hold', () => {
  it('suspends disposition but keeps the date it would otherwise have', () => {
    const held = folder({ endDate: '2019', legalHold: true, legalHoldReason: 'Litigation: Doe v. City, No. 21-CV-0192' });
    const result = computeDisposition(held, item(cy(3)), 7);
    expect(result.status).toBe('on-hold');
    expect(result.date).toBe('2023-01-01');
    expect(result.explanation).toContain('suspended until the hold is lifted');
    expect(result.explanation).toContain('Doe v. City');
    expect(result.explanation).toContain('may be destroyed from 2023-01-01');
  });

  it.each([
    ['permanent', folder({ legalHold: true }), item(permanent, 'archives')],
    ['awaiting its event', folder({ legalHold: true }), item(after('case closed', 3))],
    ['unscheduled', folder({ endDate: '2019', legalHold: true }), null],
  ] as const)('wins over every other status (%s)', (_name, held, scheduleItem) => {
    const result = computeDisposition(held, scheduleItem, 7);
    expect(result).toMatchObject({ status: 'on-hold', date: null });
    expect(result.explanation).toMatch(/^On legal hold, so disposition is suspended until the hold is lifted; without the hold: /);
  });

  it('refuses an impossible fiscal year start month', () => {
    expect(() => computeDisposition(folder({ endDate: '2019' }), item(cy(3)), 0)).toThrow(RangeError);
  });
});
