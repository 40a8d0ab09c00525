import { describe, expect, it } from 'vitest';
import { daysInMonth, parsePartialDate, partialDateSchema } from '../../../shared/domain/partial-date';

describe('parsePartialDate', () => {
  it.each([
    ['2019-03-15', { precision: 'day', year: 2019, month: 3, day: 15 }],
    ['2019-03', { precision: 'month', year: 2019, month: 3 }],
    ['2019', { precision: 'year', year: 2019 }],
    ['FY2019', { precision: 'fiscal-year', year: 2019 }],
    ['2020-02-29', { precision: 'day', year: 2020, month: 2, day: 29 }],
    ['2000-02-29', { precision: 'day', year: 2000, month: 2, day: 29 }],
    ['2019-12-31', { precision: 'day', year: 2019, month: 12, day: 31 }],
    [' 2019-03 ', { precision: 'month', year: 2019, month: 3 }],
  ])('reads %j', (text, expected) => {
    expect(parsePartialDate(text)).toEqual(expected);
  });

  it.each([
    '2019-13',
    '2019-00',
    '2019-02-30',
    '2019-02-29', // 2019 is not a leap year
    '1900-02-29', // century years are leap years only when divisible by 400
    '2019-04-31',
    '2019-01-00',
    '2019-1-5',
    '2019/03/15',
    '15-03-2019',
    'abc',
    '19',
    '',
    'FY19',
    'fy2019',
    'FY2019-03',
    '0000',
    '0999-05',
    'FY0019',
    '2019-03-15T00:00',
  ])('rejects %j', (text) => {
    expect(parsePartialDate(text)).toBeNull();
    expect(partialDateSchema.safeParse(text).success).toBe(false);
  });
});

describe('daysInMonth', () => {
  it.each([
    [2019, 2, 28],
    [2020, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2019, 4, 30],
    [2019, 12, 31],
    [2019, 1, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});
