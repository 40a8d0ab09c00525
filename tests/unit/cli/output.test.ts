// The CLI's plain-text output: columns that line up whatever the titles hold, and disposition in words.
import { describe, expect, it } from 'vitest';
import { describeError, CliError } from '../../../electron/cli/cli-errors';
import { count, dateSpan, dispositionText, formatTable } from '../../../electron/cli/output';

describe('formatTable', () => {
  it('pads every column to its widest cell', () => {
    const text = formatTable(['Box', 'No.', 'Title'], [['A', 1, 'Short'], ['Longer label', 12, 'x']]);
    expect(text).toBe(['Box           No.  Title', 'A             1    Short', 'Longer label  12   x', ''].join('\n'));
  });

  it('keeps each row on one line when a title holds tabs or newlines, and cuts long titles', () => {
    const text = formatTable(['Title', 'Code'], [['Line one\nline two\tend', 'C'], ['y'.repeat(200), 'D']]);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Line one line two end');
    expect(lines[2]).toContain(`${'y'.repeat(59)}…`);
    expect(lines[1].indexOf('C')).toBe(lines[2].indexOf('D'));
  });

  it('shows missing values as empty cells', () => {
    expect(formatTable(['A', 'B'], [[null, 'x'], [undefined, null]])).toBe('A  B\n   x\n\n');
  });
});

describe('dates and disposition in words', () => {
  it.each([
    ['2019-03', '2020', '2019-03 – 2020'],
    ['2019', '2019', '2019'],
    ['', '2020', '2020'],
    ['', '', ''],
  ])('dateSpan(%j, %j) is %j', (begin, end, expected) => {
    expect(dateSpan(begin, end)).toBe(expected);
  });

  it('prefers the date, and says why when there is none', () => {
    expect(dispositionText({ dispositionDate: '2030-12-31', dispositionStatus: 'scheduled' })).toBe('2030-12-31');
    expect(dispositionText({ dispositionDate: '2030-12-31', dispositionStatus: 'on-hold' })).toBe('on legal hold');
    expect(dispositionText({ dispositionDate: null, dispositionStatus: 'permanent' })).toBe('permanent');
    expect(dispositionText({ dispositionDate: null, dispositionStatus: 'no-schedule' })).toBe('no schedule item');
  });

  it('counts in words', () => {
    expect(count(1, 'folder')).toBe('1 folder');
    expect(count(2345, 'box', 'boxes')).toBe('2,345 boxes');
    expect(count(0, 'folder')).toBe('0 folders');
  });
});

describe('describeError', () => {
  it('adds the option a field came from, on one line', () => {
    const reported = describeError(
      new CliError('domain', { code: 'invalid-input', message: 'End date: The end date is\nbefore the begin date', details: { field: 'folder.endDate' } }),
    );
    expect(reported).toMatchObject({ exitCode: 1, line: 'End date: The end date is before the begin date (check --end)' });
  });

  it('keeps a file-system error’s words, and hides anything else', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, mkdir '/locked'"), { code: 'EACCES', syscall: 'mkdir' });
    expect(describeError(denied).line).toBe("EACCES: permission denied, mkdir '/locked'");
    expect(describeError(new Error('secret internals')).line).not.toContain('secret');
  });
});
