// Telling a totals row from a folder whose title starts with "Total", quickly whatever the cell holds.
import { describe, expect, it } from 'vitest';
import { isTotalRow, isTotalText } from '../../../shared/import/row-kinds';

describe('isTotalText', () => {
  it.each(['Total', 'TOTAL:', 'Totals', 'Grand total', 'Grand Total: 12 boxes', 'Subtotal', 'Sub-total (3)', 'Total boxes: 12', 'Total cubic feet 14.4', 'Total no. of folders = 1,204', 'total cu. ft. 3.6'])(
    'reads "%s" as a totals row',
    (text) => expect(isTotalText(text)).toBe(true),
  );

  it.each(['Total quality program', 'Totalitarian regimes', 'Box 12 total', 'Total quality: 12 boxes of notes', ''])('reads "%s" as data', (text) =>
    expect(isTotalText(text)).toBe(false),
  );

  it('answers at once for a cell of many digits (no catastrophic backtracking)', () => {
    // With the former single pattern, 26 digits took a second and 40 never finished: this test would time out.
    const hostile = `Total ${'1'.repeat(50_000)} folders?`;
    expect(isTotalText(hostile)).toBe(false);
    expect(isTotalText(`Total ${'1'.repeat(50_000)}`)).toBe(true);
  });
});

describe('isTotalRow', () => {
  it('needs the key columns to be empty apart from the totals cell', () => {
    expect(isTotalRow(['Total', null, '14'], [0, 1])).toBe(true);
    expect(isTotalRow(['Total', 'B-12', '14'], [0, 1])).toBe(false);
    expect(isTotalRow([null, 'Grand total', null], [0])).toBe(true);
  });
});
