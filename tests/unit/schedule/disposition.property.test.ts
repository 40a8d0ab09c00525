// Properties every retention rule must keep, whatever the date and the fiscal year.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth } from '../../../shared/domain/partial-date';
import type { RetentionRule } from '../../../shared/domain/types';
import { closingDate, computeDisposition } from '../../../shared/schedule/disposition';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Any partial date a department could write, at every precision. */
const partialDate = fc
  .record({
    year: fc.integer({ min: 1900, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    precision: fc.constantFrom('day', 'month', 'year', 'fiscal-year'),
  })
  .map(({ year, month, day, precision }) => {
    switch (precision) {
      case 'day':
        return `${year}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}`;
      case 'month':
        return `${year}-${pad(month)}`;
      case 'year':
        return String(year);
      default:
        return `FY${year}`;
    }
  });

const datedRule: fc.Arbitrary<RetentionRule> = fc.oneof(
  fc.record({
    kind: fc.constant('period' as const),
    years: fc.integer({ min: 0, max: 100 }),
    months: fc.integer({ min: 0, max: 11 }),
    trigger: fc.constantFrom('calendar-year' as const, 'fiscal-year' as const, 'event' as const),
    eventName: fc.constantFrom('', 'case closed', 'employee separated'),
  }),
  fc.record({ kind: fc.constant('until-superseded' as const), yearsAfter: fc.integer({ min: 0, max: 100 }) }),
);

const withMoreYears = (rule: RetentionRule, extra: number): RetentionRule => {
  if (rule.kind === 'period') return { ...rule, years: rule.years + extra };
  if (rule.kind === 'until-superseded') return { ...rule, yearsAfter: rule.yearsAfter + extra };
  return rule;
};

describe('computeDisposition properties', () => {
  it('the disposition date is strictly after the closing date, and more years never gives an earlier date', () => {
    fc.assert(
      fc.property(partialDate, datedRule, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 50 }), fc.boolean(), (date, rule, startMonth, extra, legalHold) => {
        // The same date serves as the folder's end date and its event date, so every trigger has something to count from.
        const folder = { beginDate: '', endDate: date, eventDate: date, legalHold, legalHoldReason: legalHold ? 'Audit 2024' : '' };
        const result = computeDisposition(folder, { rule, disposition: 'destroy' }, startMonth);
        const closing = closingDate(date, startMonth)!;
        expect(result.status).toBe(legalHold ? 'on-hold' : 'scheduled');
        expect(result.date).not.toBeNull();
        // ISO dates with four-digit years sort as text.
        expect(result.date! > closing).toBe(true);
        const longer = computeDisposition(folder, { rule: withMoreYears(rule, extra), disposition: 'destroy' }, startMonth);
        expect(longer.date! >= result.date!).toBe(true);
        if (extra > 0) expect(longer.date! > result.date!).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('a later closing date never gives an earlier disposition date', () => {
    fc.assert(
      fc.property(partialDate, partialDate, datedRule, fc.integer({ min: 1, max: 12 }), (first, second, rule, startMonth) => {
        const [early, late] = [first, second].sort((a, b) => closingDate(a, startMonth)!.localeCompare(closingDate(b, startMonth)!));
        const at = (date: string) =>
          computeDisposition({ beginDate: '', endDate: date, eventDate: date, legalHold: false }, { rule, disposition: 'destroy' }, startMonth).date!;
        expect(at(late) >= at(early)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
