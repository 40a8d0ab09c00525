// The checks before sending, one row per rule: what blocks a transfer, what only warns, and the words used.
import { describe, expect, it } from 'vitest';
import type { Department, RecordsCenter } from '../../../shared/domain/types';
import {
  validateTransfer,
  type ValidationBox,
  type ValidationFolder,
  type ValidationInput,
  type ValidationIssue,
} from '../../../shared/transfer/validate';

const department: Department = {
  name: 'Public Works', code: 'PW', address: '1 Main St', contactName: 'Ana Ruiz', contactPhone: '555-0100',
  contactEmail: 'ana@city.example', officialName: '', officialTitle: '', fiscalYearStartMonth: 7,
};
const center: RecordsCenter = {
  id: 1, name: 'State Records Center', address: '1 Archive Way', contactName: 'Lee', contactPhone: '555-0199',
  contactEmail: 'src@state.example', retrievalInstructions: 'Email the box number', turnaround: 'Next working day',
  turnaroundWorkingDays: 1, deliveryOptions: ['box-returned'], dispositionNoticeDays: 90, lossPolicy: 'Reported within one working day.', acceptsMixedBoxes: false,
};

let nextId = 1;
function folder(changes: Partial<ValidationFolder> = {}): ValidationFolder {
  const id = nextId++;
  return {
    id, position: id, title: `Oak Street permits ${id}`, fileCode: `BP-${id}`, notes: '', scheduleItemId: 10, itemNumber: 'GS 1010', seriesTitle: 'Building permits',
    beginDate: '2019', endDate: '2019', confidential: false, dispositionDate: '2023-01-01', dispositionStatus: 'scheduled', ...changes,
  };
}
function box(changes: Partial<ValidationBox> = {}): ValidationBox {
  return { id: 100, label: 'PW-001', folders: [folder()], otherOpenTransfers: [], ...changes };
}
function input(changes: Partial<ValidationInput> = {}): ValidationInput {
  return { department, recordsCenter: center, boxes: [box()], today: '2020-06-01', ...changes };
}

const only = (issues: ValidationIssue[], code: string) => issues.filter((issue) => issue.code === code);

describe('a box already eligible for destruction', () => {
  it('is named, with its date, when its latest folder is due by the send date', () => {
    const late = folder({ id: 2, position: 2, dispositionDate: '2027-01-01' });
    expect(only(validateTransfer(input({ today: '2026-03-01', boxes: [box({ folders: [folder(), late] })] })).issues, 'box-already-eligible')).toEqual([]);
    const issues = only(validateTransfer(input({ today: '2026-03-01' })).issues, 'box-already-eligible');
    expect(issues).toEqual([
      {
        level: 'warning',
        code: 'box-already-eligible',
        boxId: 100,
        message: 'Box PW-001: eligible for destruction since 2023-01-01 — destroy it under your schedule instead of storing it, or say why it goes.',
      },
    ]);
    // A folder on hold makes the whole box wait: nothing is eligible.
    const held = folder({ id: 3, position: 3, dispositionStatus: 'on-hold' });
    expect(only(validateTransfer(input({ today: '2026-03-01', boxes: [box({ folders: [folder(), held] })] })).issues, 'box-already-eligible')).toEqual([]);
  });
});

describe('validateTransfer', () => {
  it('passes a complete transfer with nothing to say', () => {
    expect(validateTransfer(input())).toEqual({ valid: true, errors: 0, warnings: 0, issues: [] });
  });

  const rules: [string, ValidationInput, ValidationIssue['level'], string, RegExp][] = [
    ['no boxes', input({ boxes: [] }), 'error', 'no-boxes', /no boxes/],
    ['a deleted records center', input({ recordsCenter: null }), 'error', 'no-records-center', /no records center/],
    ['a center without an address', input({ recordsCenter: { ...center, address: ' ' } }), 'error', 'center-missing-address', /^The receipt would promise an address \(where your records go\) that State Records Center has not given: add it to the center’s profile under Records Center\.$/],
    ['a center without retrieval instructions', input({ recordsCenter: { ...center, retrievalInstructions: '' } }), 'error', 'center-missing-retrieval-instructions', /promise retrieval instructions/],
    ['a center without turnaround', input({ recordsCenter: { ...center, turnaround: '' } }), 'error', 'center-missing-turnaround', /^The receipt would promise a turnaround \(how fast records come back\) that State Records Center has not given/],
    ['a center without turnaround days', input({ recordsCenter: { ...center, turnaroundWorkingDays: null } }), 'error', 'center-missing-turnaround-days', /a turnaround in working days that State Records Center has not given/],
    ['a center without a notice period', input({ recordsCenter: { ...center, dispositionNoticeDays: null } }), 'error', 'center-missing-notice-days', /a notice period before destruction/],
    ['a center that offers no service', input({ recordsCenter: { ...center, deliveryOptions: [] } }), 'error', 'center-missing-services', /the services it offers/],
    ['a center without a loss policy', input({ recordsCenter: { ...center, lossPolicy: ' ' } }), 'error', 'center-missing-loss-policy', /what happens if a box is lost or damaged/],
    ['a center nobody can call', input({ recordsCenter: { ...center, contactPhone: '', contactEmail: '' } }), 'error', 'center-no-contact', /who to call/],
    ['a department without contact', input({ department: { ...department, contactEmail: '' } }), 'error', 'department-no-contact', /contact name or email/],
    ['an empty box', input({ boxes: [box({ folders: [] })] }), 'error', 'box-empty', /^Box PW-001 has no folders/],
    ['a box in another open transfer', input({ boxes: [box({ otherOpenTransfers: ['PW-2026-001'] })] }), 'error', 'box-in-other-transfer', /Box PW-001 is also in transfer PW-2026-001/],
    ['a folder without a series', input({ boxes: [box({ folders: [folder({ position: 3, title: 'Oak St', scheduleItemId: null, itemNumber: null })] })] }), 'error', 'folder-no-schedule-item', /^Folder 3 “Oak St” in box PW-001 has no series/],
    ['a folder without dates', input({ boxes: [box({ folders: [folder({ position: 2, title: 'Oak St', beginDate: '', endDate: '' })] })] }), 'error', 'folder-no-dates', /^Folder 2 “Oak St” in box PW-001 has no dates/],
    ['a vague title', input({ boxes: [box({ folders: [folder({ position: 4, title: 'Miscellaneous' })] })] }), 'warning', 'vague-title', /^Folder 4 “Miscellaneous” in box PW-001 has a vague title/],
    ["Bob's files", input({ boxes: [box({ folders: [folder({ position: 5, title: "Bob's files" })] })] }), 'warning', 'vague-title', /“Bob's files” in box PW-001/],
    ['an SSN in a title', input({ boxes: [box({ folders: [folder({ position: 6, title: 'Smith 123-45-6789' })] })] }), 'warning', 'personal-identifier', /^Folder 6 “Smith 123-45-6789” in box PW-001: looks like a personal identifier \(a Social Security number\): check before sending \(transmittal forms can be public records\)/],
    ['an SSN in a file code', input({ boxes: [box({ folders: [folder({ position: 7, fileCode: '123-45-6789' })] })] }), 'warning', 'personal-identifier', /^Folder 7 “Oak Street permits \d+” in box PW-001: its file code looks like a personal identifier \(a Social Security number\)/],
    ['a date of birth in the notes', input({ boxes: [box({ folders: [folder({ notes: 'DOB 1970-01-01' })] })] }), 'warning', 'personal-identifier', /its notes look like a personal identifier \(a date of birth\)/],
    ['an SSN as a box label', input({ boxes: [box({ label: '123-45-6789' })] }), 'warning', 'personal-identifier', /^Box 123-45-6789: its label looks like a personal identifier/],
    ['an email in a title', input({ boxes: [box({ folders: [folder({ title: 'From bob@city.example' })] })] }), 'warning', 'personal-identifier', /an email address/],
    ['a confidential box', input({ boxes: [box({ folders: [folder({ confidential: true }), folder({ confidential: true })] })] }), 'warning', 'box-confidential', /^Box PW-001 holds 2 confidential folders/],
  ];

  it.each(rules)('%s', (_name, given, level, code, message) => {
    const result = validateTransfer(given);
    const found = only(result.issues, code);
    expect(found).toHaveLength(1);
    expect(found[0].level).toBe(level);
    expect(found[0].message).toMatch(message);
    expect(result.valid).toBe(level === 'warning');
  });

  it('names the box and folder an issue is about, so the UI can open it', () => {
    const bad = folder({ scheduleItemId: null, itemNumber: null });
    const [issue] = validateTransfer(input({ boxes: [box({ id: 7, folders: [bad] })] })).issues;
    expect(issue).toMatchObject({ boxId: 7, folderId: bad.id, code: 'folder-no-schedule-item' });
  });

  it('refuses a box that mixes series with different disposition dates, naming the box and the series', () => {
    const mixed = box({
      label: 'PW-004',
      folders: [
        folder({ scheduleItemId: 10, itemNumber: 'GS 1010', seriesTitle: 'Building permits', dispositionDate: '2023-01-01' }),
        folder({ scheduleItemId: 11, itemNumber: 'GS 2020', seriesTitle: 'Council minutes', dispositionDate: null, dispositionStatus: 'permanent' }),
      ],
    });
    const [issue] = only(validateTransfer(input({ boxes: [mixed] })).issues, 'box-mixed-series');
    expect(issue.level).toBe('error');
    expect(issue.message).toContain('Box PW-004 mixes series');
    expect(issue.message).toContain('GS 1010 Building permits (2023-01-01)');
    expect(issue.message).toContain('GS 2020 Council minutes (permanent)');
    expect(issue.message).toContain('Re-box by date');
    // A center that accepts mixed boxes keeps the box until its latest date: a warning, not a block.
    const accepted = only(validateTransfer(input({ boxes: [mixed], recordsCenter: { ...center, acceptsMixedBoxes: true } })).issues, 'box-mixed-series');
    expect(accepted).toHaveLength(1);
    expect(accepted[0].level).toBe('warning');
    expect(accepted[0].message).toContain(`${center.name} accepts mixed boxes and keeps this one until its latest date`);
  });

  it('does not warn for one series over several years, nor two series due the same day', () => {
    const oneSeries = box({ folders: [folder({ dispositionDate: '2021-01-01' }), folder({ dispositionDate: '2024-01-01' })] });
    const sameDay = box({ folders: [folder(), folder({ scheduleItemId: 11, itemNumber: 'GS 2', dispositionDate: '2023-01-01' })] });
    expect(only(validateTransfer(input({ boxes: [oneSeries, { ...sameDay, id: 101 }] })).issues, 'box-mixed-series')).toEqual([]);
  });

  it('lists errors before warnings, in box order, and counts both', () => {
    const result = validateTransfer(
      input({
        boxes: [
          box({ id: 1, label: 'A', folders: [folder({ title: 'Misc.' })] }),
          box({ id: 2, label: 'B', folders: [] }),
          box({ id: 3, label: 'C', folders: [folder({ beginDate: '', endDate: '' })] }),
        ],
      }),
    );
    expect(result.issues.map((issue) => [issue.level, issue.boxId])).toEqual([
      ['error', 2],
      ['error', 3],
      ['warning', 1],
    ]);
    expect(result).toMatchObject({ valid: false, errors: 2, warnings: 1 });
  });
});
