// Taking in the records center's updates: the center's events on the department's timeline, where each box and
// folder is now (checked out, overdue, re-filed, withdrawn home), the same file twice, and files that are refused.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { RetrievalRequest } from '../../../shared/exchange/retrieval';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import { importFails, importUpdate, sentCatalog, updateFor, type ClockedSession } from './retrieval-fixtures';

let open: ClockedSession | null = null;
afterEach(async () => {
  await open?.dispose();
  open = null;
});

async function requested(service: 'box-loan' | 'folder-loan' | 'withdrawal' | 'copy', pick: (boxes: Record<string, number>, folders: Record<string, number[]>) => { boxIds: number[]; folderIds: number[] }) {
  const sent = await sentCatalog();
  open = sent.t;
  sent.t.setNow('2026-03-12T09:00:00.000Z');
  const done = await sent.t.call('retrievals.request', { ...pick(sent.boxes, sent.folders), service, neededFor: 'the permits clerk' });
  const request = JSON.parse(await readFile(done.path, 'utf8')) as RetrievalRequest;
  return { ...sent, done, request };
}

const checkedOut = [
  { seq: 1, kind: 'requested' as const, at: '2026-03-12T13:00:00.000Z' },
  { seq: 2, kind: 'pulled' as const, at: '2026-03-13T08:30:00.000Z' },
  { seq: 3, kind: 'checked-out' as const, at: '2026-03-13T10:00:00.000Z', detail: 'Checked out to the permits clerk, due back 2026-04-01' },
];
const onLoan = { status: 'checked-out' as const, checkedOutTo: 'the permits clerk', checkedOutAt: '2026-03-13T10:00:00.000Z', dueBack: '2026-04-01' };

describe('retrievals.importUpdate', () => {
  it('takes in a loan: the box shows checked out, then overdue; then returned and re-filed at its new shelf', async () => {
    const { t, boxes, done, request } = await requested('box-loan', (b) => ({ boxIds: [b['PW-1']], folderIds: [] }));
    const first = updateFor(request, 'checked-out', [onLoan], checkedOut);
    const result = await importUpdate(t, first);
    expect(result).toMatchObject({ requestId: done.id, requestNumber: 'PW-RQ-2026-0001', status: 'checked-out', alreadyImported: false, newEvents: 2 });
    expect(result.message).toBe('City Records Center checked out box PW-1 to the permits clerk on 2026-03-13, due back 2026-04-01. 2 events added to the timelines.');

    let box = await t.call('boxes.get', { id: boxes['PW-1'] });
    expect(box.status).toBe('checked-out');
    expect(box.where).toMatchObject({
      status: 'checked-out', since: '2026-03-13T10:00:00.000Z', words: 'checked out to the permits clerk since 2026-03-13, due back 2026-04-01', dueBack: '2026-04-01', overdue: false,
      request: { id: done.id, number: 'PW-RQ-2026-0001', status: 'checked-out' },
    });
    const timeline = t.context().db.all<{ kind: string; actor: string; at: string; detail: string }>('SELECT kind, actor, at, detail FROM custody_event WHERE box_id = ? ORDER BY id', [boxes['PW-1']]);
    expect(timeline.map((event) => event.kind)).toEqual(['sent', 'received', 'located', 'requested', 'pulled', 'checked-out']);
    expect(timeline[5]).toMatchObject({ actor: 'Lee Park (City Records Center)', at: '2026-03-13T10:00:00.000Z' });
    expect(JSON.parse(timeline[5].detail)).toEqual({ text: 'Checked out to the permits clerk, due back 2026-04-01', request: 'PW-RQ-2026-0001', update: first.fingerprint });

    // The same file again changes nothing at all.
    const version = t.version();
    const again = await importUpdate(t, first);
    expect(again).toMatchObject({ alreadyImported: true, newEvents: 0, message: 'This update of PW-RQ-2026-0001 from City Records Center was taken in already: nothing changed.' });
    expect(t.version()).toBe(version);

    // The clock passes the due-back day.
    t.setNow('2026-04-02T09:00:00.000Z');
    box = await t.call('boxes.get', { id: boxes['PW-1'] });
    expect(box.where).toMatchObject({ overdue: true, words: 'checked out to the permits clerk since 2026-03-13, due back 2026-04-01 (overdue)' });
    expect((await t.call('retrievals.list', { open: true }))[0]).toMatchObject({ overdue: true, checkedOutTo: 'the permits clerk', dueBack: '2026-04-01' });

    // Everything so far again, plus the return and the re-filing on another shelf: only the new events are added.
    const back = updateFor(
      request,
      'returned',
      [{ status: 'refiled', location: 'Building B / Row 1 / Bay 1 / Shelf 2' }],
      [...checkedOut, { seq: 4, kind: 'returned', at: '2026-04-03T09:00:00.000Z' }, { seq: 5, kind: 'refiled', at: '2026-04-03T15:00:00.000Z' }],
    );
    const returned = await importUpdate(t, back);
    expect(returned).toMatchObject({ status: 'returned', newEvents: 2 });
    expect(returned.message).toBe('City Records Center re-filed box PW-1 at Building B / Row 1 / Bay 1 / Shelf 2. 2 events added to the timelines.');
    box = await t.call('boxes.get', { id: boxes['PW-1'] });
    expect(box.status).toBe('at-records-center');
    expect(box.where).toMatchObject({ status: 'at-records-center', words: 'returned and re-filed at Building B / Row 1 / Bay 1 / Shelf 2 on 2026-04-03', overdue: false, request: null });
    expect(t.context().db.get<{ location: string }>('SELECT location FROM box_at_center WHERE box_id = ?', [boxes['PW-1']])!.location).toBe('Building B / Row 1 / Bay 1 / Shelf 2');
    expect(await t.call('retrievals.list', { open: true })).toEqual([]);
    const detail = await t.call('retrievals.get', { id: done.id });
    expect(detail.updates.map((update) => update.status)).toEqual(['checked-out', 'returned']);
    expect(detail.requestItems[0]).toMatchObject({ status: 'refiled', checkedOutTo: null, where: { words: 'returned and re-filed at Building B / Row 1 / Bay 1 / Shelf 2 on 2026-04-03' } });
    expect(t.context().db.get<{ n: number }>("SELECT count(*) AS n FROM custody_event WHERE box_id = ? AND kind IN ('pulled', 'checked-out', 'returned', 'refiled')", [boxes['PW-1']])!.n).toBe(4);
    expect((await t.call('custody.verify', {})).broken).toBeNull();
    // It can be asked for again.
    expect((await t.call('retrievals.options', { boxIds: [boxes['PW-1']], folderIds: [] })).items[0].blocked).toBeNull();
  });

  it('keeps a copy open while its box is off the shelf, then says it is back on its shelf (not “returned”: it was never lent)', async () => {
    const { t, boxes, done, request } = await requested('copy', (b) => ({ boxIds: [b['PW-2']], folderIds: [] }));
    const pulled = [{ seq: 1, kind: 'pulled' as const, at: '2026-03-13T08:30:00.000Z' }];
    const answered = { ...updateFor(request, 'answered', [{ status: 'pulled', location: null }], pulled) };
    await importUpdate(t, answered);
    let box = await t.call('boxes.get', { id: boxes['PW-2'] });
    // Answered, but the box is still off its shelf: the request is still what holds it, and it cannot be asked for twice.
    expect(box.where.request).toMatchObject({ id: done.id, status: 'answered' });
    expect((await t.call('retrievals.options', { boxIds: [boxes['PW-2']], folderIds: [] })).items[0].blocked).toMatch(/PW-RQ-2026-0001/);
    await importUpdate(t, updateFor(request, 'answered', [{ status: 'refiled', location: 'Building A / Row 1 / Bay 1 / Shelf 1 / Position 2' }], [
      ...pulled,
      { seq: 2, kind: 'refiled', at: '2026-03-13T16:00:00.000Z' },
    ]));
    box = await t.call('boxes.get', { id: boxes['PW-2'] });
    expect(box.where).toMatchObject({ words: 'back on its shelf at Building A / Row 1 / Bay 1 / Shelf 1 / Position 2 since 2026-03-13', request: null });
    expect((await t.call('retrievals.options', { boxIds: [boxes['PW-2']], folderIds: [] })).items[0].blocked).toBeNull();
  });

  it('takes in a withdrawal: the box is the office’s again', async () => {
    const { t, boxes, request } = await requested('withdrawal', (b) => ({ boxIds: [b['PW-3']], folderIds: [] }));
    const update = updateFor(request, 'withdrawn', [{ status: 'withdrawn', location: null }], [
      { seq: 1, kind: 'pulled', at: '2026-03-13T08:30:00.000Z' },
      { seq: 2, kind: 'withdrawn', at: '2026-03-13T11:00:00.000Z' },
    ]);
    const result = await importUpdate(t, update);
    expect(result.message).toBe("City Records Center gave box PW-3 back to the department for good: it is the office's again. 2 events added to the timelines.");
    const inOffice = await t.call('boxes.list', { offset: 0, limit: 10, filter: { query: '', status: 'in-office' } });
    expect(inOffice.rows.map((box) => box.label)).toEqual(['PW-3']);
    expect(inOffice.rows[0].where).toMatchObject({ status: 'in-office', words: 'in the office (withdrawn from City Records Center on 2026-03-13)', since: '2026-03-13T11:00:00.000Z' });
    expect(inOffice.rows[0].atCenter).toBeNull();
    expect(t.context().db.get('SELECT 1 FROM box_at_center WHERE box_id = ?', [boxes['PW-3']])).toBeUndefined();
    // The office's to edit again, and to send again only as a new transfer.
    expect(inOffice.rows[0].lockedReason).toBeNull();
    await t.call('boxes.update', { id: boxes['PW-3'], changes: { notes: 'Back from the center for good' } });
    const centerId = (await t.call('centers.list', {}))[0].id;
    const again = await t.call('transfers.create', { recordsCenterId: centerId });
    expect(await t.call('transfers.addBoxes', { id: again.id, boxIds: [boxes['PW-3']] })).toMatchObject({ added: 1 });
    expect((await t.call('boxes.get', { id: boxes['PW-3'] })).status).toBe('in-transfer');
  });

  it('leaves the box on its shelf when one folder is out on loan', async () => {
    const { t, boxes, folders, request } = await requested('folder-loan', (_b, f) => ({ boxIds: [], folderIds: [f['PW-2'][1]] }));
    await importUpdate(t, updateFor(request, 'checked-out', [{ ...onLoan, checkedOutTo: 'the building inspector', dueBack: '2026-04-20' }], [
      { seq: 1, kind: 'pulled', at: '2026-03-13T08:30:00.000Z' },
      { seq: 2, kind: 'checked-out', at: '2026-03-13T10:00:00.000Z' },
    ]));
    const box = await t.call('boxes.get', { id: boxes['PW-2'] });
    expect(box.where.status).toBe('at-records-center');
    const rows = (await t.call('folders.list', { offset: 0, limit: 10, filter: { query: '', boxId: boxes['PW-2'] } })).rows;
    expect(rows.map((folder) => folder.where.status)).toEqual(['at-records-center', 'checked-out']);
    expect(rows[1].where.words).toBe(
      'checked out to the building inspector since 2026-03-13, due back 2026-04-20 (its box stays at City Records Center, accession PW-2026-0042, box 119, Building A / Row 3 / Bay 2 / Shelf 4 / Position 2)',
    );
    expect(rows[1].where.request?.number).toBe('PW-RQ-2026-0001');
    // A search finds it with the same answer, and `catalog.where` too.
    const found = (await t.call('folders.list', { offset: 0, limit: 10, filter: { query: 'elm 2019' } })).rows;
    expect(found.map((folder) => [folder.id, folder.where.status])).toEqual([[folders['PW-2'][1], 'checked-out']]);
    const hits = await t.call('catalog.where', { query: 'Elm', limit: 10 });
    expect(hits.map((hit) => [hit.boxLabel, hit.folderPosition, hit.where.status])).toEqual([['PW-2', 1, 'at-records-center'], ['PW-2', 2, 'checked-out']]);
    const boxHit = await t.call('catalog.where', { query: 'PW-2', limit: 1 });
    expect(boxHit).toEqual([expect.objectContaining({ boxId: boxes['PW-2'], folderId: null, where: expect.objectContaining({ status: 'at-records-center' }) })]);
    // The box itself cannot be asked for while its folder is out.
    expect((await t.call('retrievals.options', { boxIds: [boxes['PW-2']], folderIds: [] })).items[0].blocked).toBe('it is already on request PW-RQ-2026-0001, still open');
  });

  it('refuses, changing nothing, a file that is not an update, a changed one, another catalog’s, another request’s, or one naming other boxes', async () => {
    const { t, request, transferNumber } = await requested('box-loan', (b) => ({ boxIds: [b['PW-1']], folderIds: [] }));
    const good = updateFor(request, 'checked-out', [onLoan], checkedOut);
    const before = t.version();
    const refusals: [unknown, RegExp][] = [
      ['not json at all', /update\.json is not a JSON file/],
      [{ ...request }, /is not a retrieval update \(its format is “transmittal-retrieval-request\/1”/],
      [{ ...good, items: [{ ...good.items[0], dueBack: 'soon' }] }, /damaged or was changed by hand: items\.0\.dueBack/],
      [{ ...good, items: [{ ...good.items[0], checkedOutTo: 'someone else' }] }, /was changed by hand after the records center wrote it/],
    ];
    const resealed = (change: (file: typeof good) => void) => {
      const copy = structuredClone(good) as Partial<typeof good> & typeof good;
      change(copy);
      delete (copy as Partial<typeof good>).fingerprint;
      return { ...copy, fingerprint: sealFingerprint(copy) };
    };
    refusals.push(
      [resealed((file) => (file.request.number = 'XX-RQ-2026-0001')), /answers request XX-RQ-2026-0001, which this catalog never made: it belongs to another department or catalog/],
      [resealed((file) => (file.request.fingerprint = 'b'.repeat(64))), /answers another request numbered PW-RQ-2026-0001 .*belongs to another department or catalog/],
      [resealed((file) => (file.items[0].boxId = `${transferNumber}-003`)), new RegExp(`names box ${transferNumber}-003, which request PW-RQ-2026-0001 did not ask for`)],
      [resealed((file) => (file.events[2].boxId = `${transferNumber}-002`)), new RegExp(`names box ${transferNumber}-002 in event 3`)],
    );
    for (const [file, message] of refusals) {
      const error = await importFails(t, file);
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/Nothing was changed\.$/);
    }
    expect(t.version()).toBe(before);
    expect(t.context().db.get<{ n: number }>('SELECT count(*) AS n FROM retrieval_update')!.n).toBe(0);
    expect(t.context().db.get<{ n: number }>("SELECT count(*) AS n FROM custody_event WHERE kind IN ('pulled', 'checked-out')")!.n).toBe(0);
    // The good one still goes in afterwards.
    expect((await importUpdate(t, good)).newEvents).toBe(2);
  });
});
