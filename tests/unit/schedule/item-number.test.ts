// Item numbers as people type them: one key for "GS 1010", "gs1010", "GS-1010" and "GS.1010", used by the import, the
// grid, a paste and the CLI alike.
import { describe, expect, it } from 'vitest';
import { findByItemNumber, itemNumberKey } from '../../../shared/schedule/item-number';

const items = [
  { id: 1, itemNumber: 'GS 1010' },
  { id: 2, itemNumber: 'GRS 5.2 item 020' },
  { id: 3, itemNumber: 'PW-7' },
  { id: 4, itemNumber: 'PW 7' },
];

describe('item numbers', () => {
  it.each(['GS 1010', 'gs1010', 'GS-1010', 'GS.1010', ' gs  1010 ', 'GS_1010'])('finds GS 1010 from %j', (typed) => {
    expect(findByItemNumber(items, typed)?.id).toBe(1);
  });

  it('prefers the exact number, and refuses to guess between two items that differ only in punctuation', () => {
    expect(findByItemNumber(items, 'PW-7')?.id).toBe(3);
    expect(findByItemNumber(items, 'pw 7')?.id).toBe(4);
    expect(findByItemNumber(items, 'PW.7')).toBeUndefined();
    expect(findByItemNumber(items, 'GS 1011')).toBeUndefined();
  });

  it('keeps the parts of a longer number', () => {
    expect(itemNumberKey('GRS 5.2 item 020')).toBe(itemNumberKey('grs-5-2-item-020'));
    expect(findByItemNumber(items, 'grs 5.2 item 020')?.id).toBe(2);
  });
});
