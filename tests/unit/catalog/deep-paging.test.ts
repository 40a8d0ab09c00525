import { afterEach, describe, expect, it } from 'vitest';
import { insertBox } from '../../../electron/catalog/box-store';
import { insertFolder } from '../../../electron/catalog/folder-store';
import { listFolders } from '../../../electron/catalog/folder-search';
import { department, testSession, type TestSession } from './session-helpers';

let t: TestSession;
afterEach(async () => t?.dispose());

describe('deep pages of the folder list', () => {
  it('start from rows already served and give exactly the rows OFFSET would', async () => {
    t = await testSession();
    await t.call('catalog.create', { fileName: 'Deep', department });
    const context = t.session.current()!;
    const base = { fileCode: '', beginDate: '', endDate: '', eventDate: '', confidential: false, medium: 'paper' as const, notes: '', legalHold: false, legalHoldReason: '', scheduleItemId: null };
    context.history.untracked(() => {
      // Boxes filled out of order and positions with gaps, so shelf order differs from insertion order.
      const boxes = Array.from({ length: 7 }, (_, index) => insertBox(context, { label: `B${index}`, cubicFeet: 1, officeLocation: '', notes: '' }));
      for (let i = 0; i < 9000; i += 1) insertFolder(context, boxes[(i * 3) % 7], { ...base, title: `F${i}`, position: 9000 - i * 2 + (i % 5) });
    });
    const everything = context.db.column<number>('SELECT id FROM folder ORDER BY box_id, position, id');
    for (const offset of [0, 2047, 2048, 2049, 4100, 6143, 6144, 8990, 5000, 37, 2085, 1]) {
      const page = listFolders(context, { query: '' }, offset, 37);
      expect(page.rows.map((row) => row.id)).toEqual(everything.slice(offset, offset + 37));
    }
    const filtered = context.db.column<number>('SELECT id FROM folder WHERE box_id = 3 ORDER BY box_id, position, id');
    expect(listFolders(context, { query: '', boxId: 3 }, 1000, 10).rows.map((row) => row.id)).toEqual(filtered.slice(1000, 1010));
  });
});
