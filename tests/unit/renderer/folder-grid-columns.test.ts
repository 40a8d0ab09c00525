import { describe, expect, it } from 'vitest';
import type { ScheduleItemWithUse } from '../../../shared/api/contract';
import type { Folder } from '../../../shared/domain/types';
import { changeFromText, editText, findScheduleItem, folderGridColumns, planPaste } from '../../../renderer/src/catalog/folder-grid-columns';
import { pasteColumns } from '../../../shared/api/contract';

const folder: Folder = {
  id: 7,
  boxId: 2,
  boxLabel: 'Permits 2019 #1',
  position: 3,
  title: 'Board minutes',
  fileCode: 'A-1',
  scheduleItemId: 1,
  beginDate: '2019-01',
  endDate: '2019-12',
  eventDate: '',
  where: { status: 'in-office', since: null, words: 'in the office', dueBack: null, overdue: false, request: null },
  confidential: false,
  medium: 'paper',
  notes: '',
  legalHold: false,
  legalHoldReason: '',
  seriesTitle: 'Minutes',
  itemNumber: 'GS 1010',
  dispositionDate: '2029-12-31',
  dispositionStatus: 'scheduled',
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
};
const rule = { kind: 'permanent' as const };
const items: ScheduleItemWithUse[] = [
  { id: 1, itemNumber: 'GS 1010', title: 'Minutes', description: '', rule, retentionText: '', disposition: 'archives', citation: '', folderCount: 1 },
  { id: 2, itemNumber: 'GRS 5.2 item 020', title: 'Intermediary records', description: '', rule, retentionText: '', disposition: 'destroy', citation: '', folderCount: 0 },
];

describe('changeFromText', () => {
  it('reads a schedule item number, forgiving case and spacing, into its id and shows its series', () => {
    expect(changeFromText('itemNumber', '  grs 5.2   ITEM 020 ', folder, items)).toEqual({
      kind: 'change',
      changes: { scheduleItemId: 2 },
      shown: { scheduleItemId: 2, itemNumber: 'GRS 5.2 item 020', seriesTitle: 'Intermediary records' },
    });
    expect(findScheduleItem(items, 'GS 999')).toBeUndefined();
    // As the import reads them: "gs1010" and "GS-1010" are GS 1010.
    for (const typed of ['gs1010', 'GS-1010']) expect(findScheduleItem(items, typed)?.id).toBe(1);
  });

  it('refuses a schedule item number that is not in the schedule, saying what to do', () => {
    const result = changeFromText('itemNumber', 'GS 999', folder, items);
    expect(result.kind).toBe('refused');
    if (result.kind === 'refused') expect(result.message).toMatch(/"GS 999" is not in your retention schedule/);
  });

  it('an empty schedule item removes it', () => {
    expect(changeFromText('itemNumber', '', folder, items)).toMatchObject({ kind: 'change', changes: { scheduleItemId: null } });
  });

  it('stores dates written the US way in the standard form, keeping their precision', () => {
    expect(changeFromText('beginDate', '3/15/2019', folder, items)).toMatchObject({ changes: { beginDate: '2019-03-15' } });
    expect(changeFromText('endDate', 'fy 2020', folder, items)).toMatchObject({ changes: { endDate: 'FY2020' } });
    expect(changeFromText('eventDate', '', folder, items)).toEqual({ kind: 'unchanged' });
  });

  it('passes an unreadable date on as typed, so the catalog refuses it with its own message', () => {
    expect(changeFromText('beginDate', ' 2019-13-45 ', folder, items)).toMatchObject({ kind: 'change', changes: { beginDate: '2019-13-45' } });
  });

  it('knows when nothing changed', () => {
    expect(changeFromText('title', '  Board minutes ', folder, items)).toEqual({ kind: 'unchanged' });
    expect(changeFromText('itemNumber', 'gs 1010', folder, items)).toEqual({ kind: 'unchanged' });
    expect(changeFromText('position', '3', folder, items)).toEqual({ kind: 'unchanged' });
  });

  it('refuses folder numbers that are not whole numbers of 1 or more, and unknown media', () => {
    for (const text of ['0', '-2', '1.5', 'three', '']) expect(changeFromText('position', text, folder, items).kind).toBe('refused');
    expect(changeFromText('position', '12', folder, items)).toMatchObject({ changes: { position: 12 } });
    expect(changeFromText('medium', 'Electronic', folder, items)).toMatchObject({ changes: { medium: 'electronic' } });
    expect(changeFromText('medium', 'vellum', folder, items).kind).toBe('refused');
  });

  it('the editor starts from the value as the person would type it', () => {
    expect(editText(folder, 'itemNumber')).toBe('GS 1010');
    expect(editText(folder, 'position')).toBe('3');
    expect(editText(folder, 'beginDate')).toBe('2019-01');
  });
});

describe('planPaste', () => {
  const titleColumn = folderGridColumns.findIndex((column) => column.key === 'title');
  const mediumColumn = folderGridColumns.findIndex((column) => column.key === 'medium');
  const holdColumn = folderGridColumns.findIndex((column) => column.key === 'legalHold');

  it('the grid columns a paste can fill are the contract paste columns, in the same order', () => {
    expect(folderGridColumns.filter((column) => column.paste).map((column) => column.paste)).toEqual([...pasteColumns]);
  });

  it('fills the columns from the active one on, as many as the copied rows are wide', () => {
    const plan = planPaste({ boxId: 4, startRow: 2, activeColumn: titleColumn, rows: [['Minutes', 'A-1'], ['Agendas']] });
    expect(plan).toEqual({
      kind: 'paste',
      request: { boxId: 4, startRow: 2, columns: ['title', 'fileCode'], rows: [['Minutes', 'A-1'], ['Agendas']] },
    });
  });

  it('does not count empty cells copied at the right of a range', () => {
    const plan = planPaste({ boxId: 4, startRow: 0, activeColumn: mediumColumn, rows: [['paper', 'note', '', '']] });
    expect(plan).toMatchObject({ kind: 'paste', request: { columns: ['medium', 'notes'], rows: [['paper', 'note']] } });
  });

  it('refuses rows wider than the columns left, saying how many there are', () => {
    const plan = planPaste({ boxId: 4, startRow: 0, activeColumn: mediumColumn, rows: [['paper', 'note', 'extra']] });
    expect(plan.kind).toBe('refused');
    if (plan.kind === 'refused') expect(plan.message).toMatch(/3 columns, but only 2 columns from Medium on/);
  });

  it('refuses a paste into a column that cannot take text, and an empty paste', () => {
    expect(planPaste({ boxId: 4, startRow: 0, activeColumn: holdColumn, rows: [['x']] }).kind).toBe('refused');
    expect(planPaste({ boxId: 4, startRow: 0, activeColumn: titleColumn, rows: [] }).kind).toBe('refused');
    expect(planPaste({ boxId: 4, startRow: 0, activeColumn: titleColumn, rows: [['', ' ']] }).kind).toBe('refused');
  });

  it('refuses more rows than one paste may carry, and cells longer than the catalog keeps', () => {
    const many = Array.from({ length: 10_001 }, () => ['x']);
    expect(planPaste({ boxId: 4, startRow: 0, activeColumn: titleColumn, rows: many }).kind).toBe('refused');
    const long = planPaste({ boxId: 4, startRow: 0, activeColumn: titleColumn, rows: [['ok'], ['x'.repeat(4001)]] });
    expect(long).toMatchObject({ kind: 'refused', message: expect.stringMatching(/row 2/) });
  });
});
