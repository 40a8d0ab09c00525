import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SEARCH_COUNT_LIMIT } from '../../../shared/api/contract';
import { mergeAscending } from '../../../electron/catalog/folder-search';
import { ftsPrefixQuery, likePattern } from '../../../electron/catalog/search-query';
import { insertBox } from '../../../electron/catalog/box-store';
import { insertFolder } from '../../../electron/catalog/folder-store';
import { department, testSession, type TestSession } from './session-helpers';

let t: TestSession;
afterEach(async () => t?.dispose());

describe('search query building', () => {
  it.each([
    ['oak st', 'oak* st*'],
    ['  Permit   118 ', 'permit* 118*'],
    ['OR AND NOT', 'or* and* not*'],
    ['"x" OR 1=1 --', 'x or* 1 1'],
    ['p', 'p'],
    ['*', null],
    ['Café', 'café*'],
  ])('%j → %j', (input, expected) => {
    expect(ftsPrefixQuery(input)).toBe(expected);
  });

  it('escapes LIKE wildcards', () => {
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });

  it('merges ascending id lists without duplicates', () => {
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(fc.nat(500))), fc.integer({ min: 0, max: 600 }), (lists, limit) => {
        const streams = lists.map((list) => [...list].sort((a, b) => a - b));
        const expected = [...new Set(streams.flat())].sort((a, b) => a - b).slice(0, limit);
        expect(mergeAscending(streams, limit)).toEqual(expected);
      }),
    );
  });
});

describe('searching a large catalog', () => {
  it('counts up to the limit, says there are more, and pages through the matches in order', async () => {
    t = await testSession();
    await t.call('catalog.create', { fileName: 'Big', department });
    const item = await t.call('schedule.create', { itemNumber: 'GS 7', title: 'Inspection reports', rule: { kind: 'permanent' } });
    const context = t.session.current()!;
    context.history.untracked(() => {
      const box = insertBox(context, { label: 'B', cubicFeet: 1, officeLocation: '', notes: '' });
      for (let i = 0; i < 2 * SEARCH_COUNT_LIMIT + 100; i += 1) {
        const base = { fileCode: '', beginDate: '', endDate: '', eventDate: '', confidential: false, medium: 'paper' as const, notes: '', legalHold: false, legalHoldReason: '' };
        insertFolder(context, box, { ...base, position: i + 1, title: i % 2 ? `Permit ${i}` : `Letter ${i}`, scheduleItemId: i % 3 === 0 ? item.id : null });
      }
    });
    const first = await t.call('folders.list', { filter: { query: 'permit' }, limit: 100 });
    expect(first.total).toBe(SEARCH_COUNT_LIMIT);
    expect(first.totalIsLowerBound).toBe(true);
    expect(first.rows.every((row) => row.title.startsWith('Permit'))).toBe(true);
    const ids = first.rows.map((row) => row.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const next = await t.call('folders.list', { filter: { query: 'permit' }, offset: 100, limit: 100 });
    expect(next.rows[0].id).toBeGreaterThan(ids.at(-1)!);
    // Words and series together: "inspection" names the series, so its letters come too, in id order.
    const series = await t.call('folders.list', { filter: { query: 'inspection' }, limit: 5 });
    expect(series.rows.map((row) => row.title)).toEqual(['Letter 0', 'Permit 3', 'Letter 6', 'Permit 9', 'Letter 12']);
    const narrow = await t.call('folders.list', { filter: { query: 'permit 4999' } });
    expect(narrow.rows.map((row) => row.title)).toEqual(['Permit 4999']);
    expect(narrow.totalIsLowerBound).toBeUndefined();
    const beyond = await t.call('folders.list', { filter: { query: 'permit' }, offset: SEARCH_COUNT_LIMIT, limit: 100 });
    expect(beyond.rows).toEqual([]);
  });
});
