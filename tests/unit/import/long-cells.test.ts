// A cell may hold up to 32,767 characters. Patterns that rescan a text from each position take seconds on such a
// cell, and a file of half a million of them would look hung: each reader refuses over-long text before matching.
import { describe, expect, it } from 'vitest';
import { readDateRange } from '../../../shared/import/read-date-range';
import { readDateText, LONGEST_DATE_TEXT } from '../../../shared/import/read-dates';
import { readDispositionText, readRetentionText } from '../../../shared/schedule/retention-text';

const LONG = 32_767;
const longText = (piece: string, tail = '') => piece.repeat(Math.ceil(LONG / piece.length)).slice(0, LONG - tail.length) + tail;

describe('over-long cells', () => {
  it.each([' -', ' - 2019', '1-', '19', ' to '])('refuses a date range cell of repeated "%s" with a reason that names its length', (piece) => {
    const reading = readDateRange(longText(piece, 'x'));
    expect(reading).toEqual({ ok: false, reason: expect.stringMatching(/^a text of [\d,]+ characters is too long to be a date; write it as/) });
  });

  it('refuses an over-long date text, and still reads the longest dates people write', () => {
    expect(readDateText(longText('2019 ')).ok).toBe(false);
    expect(readDateText('  2019-03-15  ')).toEqual({ ok: true, value: '2019-03-15' });
    const wordy = 'approx. September 15th, 2019 through December 31st, 2021';
    expect(wordy.length).toBeLessThanOrEqual(LONGEST_DATE_TEXT);
    expect(readDateRange(wordy)).toMatchObject({ ok: true, value: { begin: '2019-09-15', end: '2021-12-31' } });
  });

  it('leaves an over-long retention or disposition text for a person to set', () => {
    expect(readRetentionText(longText('.', 'x'))).toBeNull();
    expect(readRetentionText(`3 years${' '.repeat(100)}`)).toEqual(readRetentionText('3 years'));
    expect(readRetentionText('3 years')).not.toBeNull();
    expect(readDispositionText(longText('.', 'x'))).toBeNull();
    expect(readDispositionText('Destroy.')).toBe('destroy');
  });
});
