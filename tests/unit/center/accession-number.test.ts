// Accession numbers from the center's pattern, and shelf addresses in words and in walking order.
import { describe, expect, it } from 'vitest';
import { departmentToken, formatAccessionNumber, patternProblem } from '../../../shared/center/accession-number';
import { expandLocationRange, locationCount, locationInWords, locationSortKey } from '../../../shared/center/locations';

describe('accession numbers', () => {
  it.each([
    ['{DEPT}-{YYYY}-{NNNN}', 'PW', 2026, 42, 'PW-2026-0042'],
    ['{YYYY}/{NN}', 'PW', 2026, 7, '2026/07'],
    ['A{DEPT}{NNNNNN}', 'CLK', 2026, 12345, 'ACLK012345'],
    ['{DEPT}-{YYYY}-{NN}', 'PW', 2026, 123, 'PW-2026-123'],
  ])('%s makes %s', (pattern, dept, year, sequence, expected) => {
    expect(formatAccessionNumber(pattern, dept, year, sequence)).toBe(expected);
  });

  it('takes the code, or the initials of a department without one', () => {
    expect(departmentToken({ name: 'Public Works', code: 'pw' })).toBe('PW');
    expect(departmentToken({ name: 'Office of the City Clerk', code: '' })).toBe('OOTCC');
    expect(departmentToken({ name: '—', code: '' })).toBe('DEPT');
  });

  it('refuses a pattern without a running number or with unknown fields', () => {
    expect(patternProblem('{DEPT}-{YYYY}')).toMatch(/running number/);
    expect(patternProblem('{DEPT}-{MM}-{NNN}')).toMatch(/only/);
    expect(patternProblem('{DEPT}-{YYYY}-{NNNN}')).toBeNull();
  });
});

describe('shelf locations', () => {
  it('says an address in words, and sorts Row 9 before Row 10', () => {
    const address = { building: 'A', room: '', row: '3', bay: '2', shelf: '4', position: '1' };
    expect(locationInWords(address)).toBe('Building A / Row 3 / Bay 2 / Shelf 4 / Position 1');
    expect(locationInWords({ ...address, room: 'B12' })).toBe('Building A / Room B12 / Row 3 / Bay 2 / Shelf 4 / Position 1');
    expect(locationSortKey({ ...address, row: '9' }) < locationSortKey({ ...address, row: '10' })).toBe(true);
  });

  it('expands a range in walking order', () => {
    const range = { building: 'A', room: '', rows: { from: 1, to: 2 }, bays: { from: 1, to: 1 }, shelves: { from: 3, to: 4 }, positionsPerShelf: 2 };
    const addresses = [...expandLocationRange(range)];
    expect(addresses).toHaveLength(locationCount(range));
    expect(addresses.slice(0, 3).map(locationInWords)).toEqual([
      'Building A / Row 1 / Bay 1 / Shelf 3 / Position 1',
      'Building A / Row 1 / Bay 1 / Shelf 3 / Position 2',
      'Building A / Row 1 / Bay 1 / Shelf 4 / Position 1',
    ]);
  });
});
