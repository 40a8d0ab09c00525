import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/domain/errors';
import { centerFromForm, centerToForm, firstCenterProblem, toggleDeliveryOption } from '../../../renderer/src/centers/center-form';
import {
  departmentFromForm,
  emptyDepartment,
  firstDepartmentProblem,
  fiscalYearSentence,
} from '../../../renderer/src/settings/department-form';
import {
  emailProblem,
  fieldErrorsFromIssues,
  fieldOfError,
  messageOfError,
  plainIssueMessage,
} from '../../../renderer/src/ui/forms/field-errors';

describe('fiscalYearSentence', () => {
  it.each([
    [7, 'FY2019 runs July 2018 – June 2019.'],
    [1, 'FY2019 runs January 2019 – December 2019.'],
    [10, 'FY2019 runs October 2018 – September 2019.'],
    [2, 'FY2019 runs February 2018 – January 2019.'],
  ])('with a start in month %d: %s', (month, sentence) => {
    expect(fiscalYearSentence(month)).toBe(sentence);
  });
});

describe('departmentFromForm', () => {
  it('trims and accepts a complete profile', () => {
    const result = departmentFromForm({ ...emptyDepartment, name: '  Public Works ', contactEmail: 'clerk@city.example' });
    expect(result).toEqual({ ok: true, department: { ...emptyDepartment, name: 'Public Works', contactEmail: 'clerk@city.example' } });
  });

  it('names every field with a problem, the first in screen order first', () => {
    const result = departmentFromForm({ ...emptyDepartment, name: ' ', code: 'x'.repeat(41), contactEmail: 'clerk at city' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      name: 'The department needs a name',
      code: 'Keep this to 40 characters or fewer',
      contactEmail: 'That does not look like an email address (name@example.org)',
    });
    expect(firstDepartmentProblem(result.errors)).toBe('name');
  });
});

describe('centerFromForm', () => {
  it('fills nothing in for the center: a new form states no commitment the center has not given', () => {
    const result = centerFromForm({ ...centerToForm(), name: 'State Records Center' });
    expect(result).toEqual({
      ok: true,
      center: {
        name: 'State Records Center',
        address: '',
        contactName: '',
        contactPhone: '',
        contactEmail: '',
        retrievalInstructions: '',
        turnaround: '',
        turnaroundWorkingDays: null,
        deliveryOptions: [],
        dispositionNoticeDays: null,
        lossPolicy: '',
        acceptsMixedBoxes: false,
      },
    });
  });

  it('round-trips a saved center through the form', () => {
    const saved = {
      id: 4,
      name: 'County Records Center',
      address: '1 Archive Way',
      contactName: 'Pat',
      contactPhone: '555-0100',
      contactEmail: 'pat@county.example',
      retrievalInstructions: 'Email the box number.',
      turnaround: 'Next day',
      turnaroundWorkingDays: 1,
      deliveryOptions: ['pickup' as const],
      dispositionNoticeDays: 60,
      lossPolicy: 'Reported the same day.', acceptsMixedBoxes: false,
    };
    const { id: _id, ...input } = saved;
    expect(centerFromForm(centerToForm(saved))).toEqual({ ok: true, center: input });
  });

  it('explains a missing name, non-numeric and out-of-range numbers; an empty number is "not stated yet"', () => {
    const result = centerFromForm({
      ...centerToForm(),
      name: '',
      turnaroundWorkingDays: '',
      dispositionNoticeDays: '90 days',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.name).toBe('The records center needs a name');
    expect(result.errors.turnaroundWorkingDays).toBeUndefined();
    expect(result.errors.dispositionNoticeDays).toMatch(/whole number/);
    expect(firstCenterProblem(result.errors)).toBe('name');

    const tooSlow = centerFromForm({ ...centerToForm(), name: 'X', turnaroundWorkingDays: '61' });
    expect(tooSlow).toEqual({ ok: false, errors: { turnaroundWorkingDays: 'Enter 60 or less' } });
  });

  it('keeps delivery options in their usual order whatever order they are ticked in', () => {
    const ticked = toggleDeliveryOption(toggleDeliveryOption([], 'pickup', true), 'box-returned', true);
    expect(ticked).toEqual(['box-returned', 'pickup']);
    expect(toggleDeliveryOption(ticked, 'pickup', false)).toEqual(['box-returned']);
    expect(toggleDeliveryOption(ticked, 'pickup', true)).toEqual(['box-returned', 'pickup']);
  });
});

describe('field errors', () => {
  it('replaces zod wording meant for programmers, keeps messages written for people', () => {
    expect(plainIssueMessage({ code: 'too_big', origin: 'string', maximum: 200, path: ['name'], message: 'Too big: expected string to have <=200 characters' })).toBe(
      'Keep this to 200 characters or fewer',
    );
    expect(plainIssueMessage({ code: 'too_small', origin: 'string', minimum: 1, path: ['name'], message: 'The department needs a name' })).toBe(
      'The department needs a name',
    );
  });

  it('keys each message by the last named step of its path, first message wins', () => {
    expect(
      fieldErrorsFromIssues([
        { code: 'custom', path: ['rule', 'years'], message: 'first' },
        { code: 'custom', path: ['rule', 'years'], message: 'second' },
        { code: 'custom', path: ['deliveryOptions', 2], message: 'bad option' },
      ]),
    ).toEqual({ years: 'first', deliveryOptions: 'bad option' });
  });

  it('finds the form field an API error names, through the call input path', () => {
    const error = new AppError('invalid-input', 'Item number: GS 1010 is already on the schedule', { field: 'item.itemNumber' });
    expect(fieldOfError(error, ['itemNumber', 'title'])).toBe('itemNumber');
    expect(fieldOfError(new AppError('not-found', 'gone'), ['itemNumber'])).toBeUndefined();
    expect(fieldOfError(new Error('boom'), ['itemNumber'])).toBeUndefined();
  });

  it('shows the API message, never a stray exception text', () => {
    expect(messageOfError(new AppError('forbidden', 'Folders use this item'))).toBe('Folders use this item');
    expect(messageOfError(new TypeError('Failed to fetch'))).not.toMatch(/fetch/);
  });

  it.each([
    ['', undefined],
    ['clerk@city.example', undefined],
    [' clerk@city.example ', undefined],
    ['clerk', 'problem'],
    ['clerk@', 'problem'],
    ['a b@city.example', 'problem'],
  ])('checks email %j', (email, expected) => {
    expect(emailProblem(email) === undefined ? undefined : 'problem').toBe(expected);
  });
});
