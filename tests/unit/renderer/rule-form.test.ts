import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RetentionRule } from '../../../shared/domain/types';
import { retentionRuleSchema } from '../../../shared/domain/types';
import { describeRule } from '../../../shared/schedule/disposition';
import {
  emptyRuleForm,
  parseWholeNumber,
  ruleFromForm,
  ruleFromRetentionText,
  ruleToForm,
  sameRule,
} from '../../../shared/schedule/rule-form';

describe('parseWholeNumber', () => {
  it.each([
    ['3', 3],
    [' 10 ', 10],
    ['0', 0],
    ['007', 7],
  ])('reads %j as %d', (text, expected) => {
    expect(parseWholeNumber(text)).toBe(expected);
  });

  it('treats an empty box as not given', () => {
    expect(parseWholeNumber('')).toBeUndefined();
    expect(parseWholeNumber('   ')).toBeUndefined();
  });

  it.each(['1e2', '0x1F', '-3', '3.5', '3 years', 'three', 'Infinity', 'NaN', '1,000', '9999999'])(
    'refuses %j, which Number() would read or half-read',
    (text) => {
      expect(parseWholeNumber(text)).toBeNaN();
    },
  );
});

describe('ruleFromForm', () => {
  it('builds a calendar-year period', () => {
    expect(ruleFromForm({ ...emptyRuleForm, years: '3' })).toEqual({
      ok: true,
      rule: { kind: 'period', years: 3, months: 0, trigger: 'calendar-year', eventName: '' },
    });
  });

  it('drops an event name left over from switching away from an event trigger', () => {
    const result = ruleFromForm({ ...emptyRuleForm, years: '6', trigger: 'fiscal-year', eventName: 'case closed' });
    expect(result).toEqual({ ok: true, rule: { kind: 'period', years: 6, months: 0, trigger: 'fiscal-year', eventName: '' } });
  });

  it('asks for the years, and for the event when the rule counts from one', () => {
    const result = ruleFromForm({ ...emptyRuleForm, years: '', trigger: 'event', eventName: '  ' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['eventName', 'years']);
    expect(result.errors.eventName).toMatch(/event/i);
  });

  it.each([
    [{ years: '201' }, 'years'],
    [{ years: 'x' }, 'years'],
    [{ years: '1', months: '12' }, 'months'],
    [{ years: '1', months: '-1' }, 'months'],
  ])('refuses %j naming %s', (changes, field) => {
    const result = ruleFromForm({ ...emptyRuleForm, ...changes });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toEqual([field]);
  });

  it('ignores the period boxes for a permanent rule', () => {
    expect(ruleFromForm({ ...emptyRuleForm, kind: 'permanent', years: 'nonsense' })).toEqual({ ok: true, rule: { kind: 'permanent' } });
  });

  it('reads years after superseded, empty meaning none', () => {
    expect(ruleFromForm({ ...emptyRuleForm, kind: 'until-superseded', yearsAfter: '' })).toEqual({
      ok: true,
      rule: { kind: 'until-superseded', yearsAfter: 0 },
    });
    expect(ruleFromForm({ ...emptyRuleForm, kind: 'until-superseded', yearsAfter: '2.5' }).ok).toBe(false);
  });

  it('gives back every valid rule unchanged after a trip through the form', () => {
    const rule = fc.oneof(
      fc.record({
        kind: fc.constant('period' as const),
        years: fc.integer({ min: 0, max: 200 }),
        months: fc.integer({ min: 0, max: 11 }),
        trigger: fc.constantFrom('calendar-year' as const, 'fiscal-year' as const),
        eventName: fc.constant(''),
      }),
      fc.record({
        kind: fc.constant('period' as const),
        years: fc.integer({ min: 0, max: 200 }),
        months: fc.integer({ min: 0, max: 11 }),
        trigger: fc.constant('event' as const),
        eventName: fc.string({ minLength: 1, maxLength: 40 }).map((name) => name.trim()).filter((name) => name.length > 0),
      }),
      fc.constant({ kind: 'permanent' as const }),
      fc.record({ kind: fc.constant('until-superseded' as const), yearsAfter: fc.integer({ min: 0, max: 200 }) }),
    );
    fc.assert(
      fc.property(rule, (original: RetentionRule) => {
        const result = ruleFromForm(ruleToForm(original));
        expect(result).toEqual({ ok: true, rule: original });
        expect(retentionRuleSchema.parse(original)).toEqual(original);
      }),
    );
  });
});

describe('ruleFromRetentionText', () => {
  it.each([
    ['CY+10', 'CY+10'],
    ['cy + 3', 'CY+3'],
    ['CR+5', 'CY+5'],
    ['FY+6', 'FY+6'],
    ['FY + 6 years.', 'FY+6'],
    ['Permanent', 'Permanent'],
    ['PERM', 'Permanent'],
    ['Until superseded', 'Until superseded'],
    ['Superseded + 2 years', 'Superseded + 2 years'],
    ['3 years after case closed', '3 years after case closed'],
    ['Six years after Employee Separated', '6 years after Employee Separated'],
    ['6 months after   the contract expired', '6 months after contract expired'],
    ['2 years after superseded', 'Superseded + 2 years'],
  ])('reads %j as %s', (text, expected) => {
    const rule = ruleFromRetentionText(text);
    expect(rule).not.toBeNull();
    expect(describeRule(rule!)).toBe(expected);
    expect(retentionRuleSchema.safeParse(rule).success).toBe(true);
  });

  it.each(['', 'CY+', 'Retain 3 years', 'Until no longer needed', '14 months after case closed', '500 years after x', 'FY+1000', 'CY+500', 'Superseded + 300'])(
    'leaves %j for the person to fill in',
    (text) => {
      expect(ruleFromRetentionText(text)).toBeNull();
    },
  );
});

describe('sameRule', () => {
  it('compares what the rules mean, not how they were built', () => {
    expect(sameRule({ kind: 'until-superseded', yearsAfter: 0 }, { kind: 'until-superseded', yearsAfter: 0 })).toBe(true);
    expect(
      sameRule(
        { kind: 'period', years: 3, months: 0, trigger: 'calendar-year', eventName: '' },
        { kind: 'period', years: 3, months: 0, trigger: 'fiscal-year', eventName: '' },
      ),
    ).toBe(false);
  });
});
