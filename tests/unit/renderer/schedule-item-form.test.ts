import { describe, expect, it } from 'vitest';
import type { ScheduleItem } from '../../../shared/domain/types';
import {
  firstProblemField,
  scheduleItemFromForm,
  scheduleItemToForm,
  sortByItemNumber,
} from '../../../renderer/src/schedule/schedule-item-form';

const permitFiles: ScheduleItem = {
  id: 1,
  itemNumber: 'GS 1010',
  title: 'Building permit files',
  description: 'Applications, plans and inspections',
  rule: { kind: 'period', years: 10, months: 0, trigger: 'calendar-year', eventName: '' },
  retentionText: 'CY+10',
  disposition: 'destroy',
  citation: 'RCW 40.14',
};

describe('scheduleItemFromForm', () => {
  it('gives back a saved item unchanged after a trip through the form', () => {
    const { id: _id, ...input } = permitFiles;
    expect(scheduleItemFromForm(scheduleItemToForm(permitFiles))).toEqual({ ok: true, item: input });
  });

  it('reports problems in the item and in its rule together, in screen order', () => {
    const form = scheduleItemToForm();
    const result = scheduleItemFromForm({ ...form, itemNumber: '', title: 'Minutes', rule: { ...form.rule, years: 'ten' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      itemNumber: 'Every schedule item needs its number (e.g. GS 1010)',
      years: 'Years must be a whole number from 0 to 200',
    });
    expect(firstProblemField(result.errors)).toBe('itemNumber');
  });

  it('checks the other fields even when only the rule is wrong', () => {
    const form = scheduleItemToForm();
    const result = scheduleItemFromForm({ ...form, itemNumber: 'GS 1', title: ' ', rule: { ...form.rule, years: '' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['title', 'years']);
  });
});

describe('sortByItemNumber', () => {
  it('orders item numbers as a schedule reads them', () => {
    const items = ['GS 10', 'gs 2', 'GRS 5.2 item 020', 'GS 1010', 'GRS 5.2 item 010'].map((itemNumber) => ({ itemNumber }));
    expect(sortByItemNumber(items).map((item) => item.itemNumber)).toEqual([
      'GRS 5.2 item 010',
      'GRS 5.2 item 020',
      'gs 2',
      'GS 10',
      'GS 1010',
    ]);
  });
});
