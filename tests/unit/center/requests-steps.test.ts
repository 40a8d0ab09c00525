// center.request.record and center.request.writeUpdate: each step of a request in turn (a loan, a copy, a
// withdrawal, a refusal), steps out of turn refused in words, and the update file the department receives.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import { retrievalUpdateSchema, type RetrievalUpdate } from '../../../shared/exchange/retrieval';
import { centerWithRequests, importRequest, requestFor, type CenterWithRequests } from './request-fixtures';

let center: CenterWithRequests;
beforeEach(async () => {
  center = await centerWithRequests();
}, 60_000);
afterEach(async () => {
  await center.t.dispose();
});

const db = () => center.t.session.current()!.db;
const version = () => center.t.session.current()!.version.value;
const boxRow = (holdingBoxId: number) =>
  db().get<{ location_id: number | null; withdrawn_at: string | null }>('SELECT location_id, withdrawn_at FROM holding_box WHERE id = ?', [holdingBoxId])!;

async function locationsByWords(): Promise<Map<string, { id: number; free: boolean }>> {
  const list = await center.t.call('center.locations', { freeOnly: false, offset: 0, limit: 100 });
  return new Map(list.rows.map((row) => [row.words, { id: row.id, free: row.box === null }]));
}

async function refused(input: Parameters<typeof center.t.fail<'center.request.record'>>[1], message: string | RegExp): Promise<void> {
  const before = version();
  const error = await center.t.fail('center.request.record', input);
  expect(error.code).toBe('invalid-input');
  expect(error.message).toMatch(message);
  expect(version()).toBe(before);
}

describe('a box loan, from the shelf and back', () => {
  it('pulls, checks out, takes back and re-files at its own position, every step an event', async () => {
    const { t, pw } = center;
    const id = await importRequest(t, requestFor(pw, { items: [{ sequence: 2 }] }));
    const start = await t.call('center.request.get', { id });
    const shelf = start.requestItems[0].location!;
    expect(start.next).toEqual(['pull', 'checkout', 'refuse']);
    await refused({ id, action: 'return' }, 'Request PW-RQ-2026-0001 is open (not yet pulled): nothing of it is checked out, so there is nothing to take back. Nothing was recorded.');
    await refused({ id, action: 'answer', note: 'Sent' }, /asks for the whole box returned on loan: only a copy or a review is answered/);

    const pulled = await t.call('center.request.record', { id, action: 'pull' });
    expect(pulled.status).toBe('pulled');
    expect(pulled.events.at(-1)).toMatchObject({ seq: 2, kind: 'pulled', detail: `Pulled from ${shelf}` });
    await refused({ id, action: 'pull' }, 'Request PW-RQ-2026-0001 is pulled: it was pulled already. Nothing was recorded.');

    const out = await t.call('center.request.record', { id, action: 'checkout', to: 'the permits clerk' });
    expect(out.status).toBe('checked-out');
    expect(out.requestItems[0]).toMatchObject({ status: 'checked-out', checkedOutTo: 'the permits clerk', checkedOutAt: '2026-03-02T10:00:00.000Z', dueBack: '2026-04-01' });
    expect(out.events.at(-1)).toMatchObject({ seq: 3, kind: 'checked-out', detail: 'Checked out to the permits clerk, due back 2026-04-01' });
    expect(out).toMatchObject({ checkedOutTo: 'the permits clerk', dueBack: '2026-04-01' });
    expect(out.next).toEqual(['return']);
    await refused({ id, action: 'refile' }, 'Request PW-RQ-2026-0001 is checked out: record its return before re-filing. Nothing was recorded.');
    await refused({ id, action: 'refuse', reason: 'Changed our mind' }, /is checked out: record its return before refusing it/);

    const back = await t.call('center.request.record', { id, action: 'return' });
    expect(back.requestItems[0].status).toBe('returned');
    expect(back.next).toEqual(['refile', 'refuse']);
    await refused({ id, action: 'return' }, /was taken back already: re-file it/);

    const done = await t.call('center.request.record', { id, action: 'refile' });
    expect(done.status).toBe('returned');
    expect(done.requestItems[0]).toMatchObject({ status: 'refiled', location: shelf });
    expect(done.events.map((event) => event.kind)).toEqual(['requested', 'pulled', 'checked-out', 'returned', 'refiled']);
    expect(done.events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(done.events.at(-1)!.detail).toBe(`Re-filed at ${shelf}`);
    expect(done.next).toEqual([]);
    await refused({ id, action: 'refuse', reason: 'Too late' }, /^Request PW-RQ-2026-0001 is closed \(returned and re-filed on 2026-03-02\)/);
    expect((await t.call('center.requests', { show: 'open', offset: 0, limit: 10 })).total).toBe(0);
    expect((await t.call('center.requests', { show: 'all', offset: 0, limit: 10 })).total).toBe(1);

    // The box's own timeline at the center moves (its events name no folder).
    const kinds = db().column<string>('SELECT kind FROM custody_event WHERE box_id = ? AND folder_id IS NULL ORDER BY id', [done.requestItems[0].holdingBoxId]);
    expect(kinds.slice(-5)).toEqual(['requested', 'pulled', 'checked-out', 'returned', 'refiled']);
    expect((await t.call('custody.verify', {})).broken).toBeNull();
  });

  it('re-files at another free position that fits, refusing a taken one and one too small', async () => {
    const { t, pw } = center;
    const id = await importRequest(t, requestFor(pw, { items: [{ sequence: 1 }] }));
    await t.call('center.request.record', { id, action: 'checkout', to: 'the permits clerk', dueBack: '2026-03-20' });
    await t.call('center.request.record', { id, action: 'return' });
    const detail = await t.call('center.request.get', { id });
    const boxId = detail.requestItems[0].holdingBoxId;
    const oldShelf = detail.requestItems[0].location!;
    const locations = await locationsByWords();
    const taken = [...locations].find(([words, place]) => !place.free && words !== oldShelf)!;
    const tooSmall = locations.get('Building B / Row 1 / Bay 1 / Shelf 1 / Position 1')!;
    const [freeWords, free] = [...locations].find(([words, place]) => place.free && words.startsWith('Building A'))!;

    await refused({ id, action: 'refile', locationId: taken[1].id }, new RegExp(`^${taken[0]} holds box “PW-\\d” of accession PW-2026-\\d+ already: a position holds one box\\.`));
    await refused({ id, action: 'refile', locationId: tooSmall.id }, 'Box PW-1 (1.2 cubic feet) does not fit Building B / Row 1 / Bay 1 / Shelf 1 / Position 1 (1 cubic feet). Nothing was recorded.');
    await refused({ id, action: 'refile', locationId: 99_999 }, 'There is no shelf location 99999 in this catalog. Nothing was recorded.');
    expect(boxRow(boxId).location_id).toBe(locations.get(oldShelf)!.id);

    const done = await t.call('center.request.record', { id, action: 'refile', locationId: free.id });
    expect(done.requestItems[0]).toMatchObject({ status: 'refiled', location: freeWords, locationId: free.id });
    expect(done.events.at(-1)!.detail).toBe(`Re-filed at ${freeWords}`);
    const after = await locationsByWords();
    expect(after.get(freeWords)!.free).toBe(false);
    expect(after.get(oldShelf)!.free).toBe(true);
    // The holdings search says where the box is now.
    const hits = await t.call('center.search', { query: '', boxCode: detail.requestItems[0].boxId, offset: 0, limit: 10 });
    expect(hits.rows.map((hit) => hit.location)).toEqual([freeWords, freeWords]);
    expect((await t.call('custody.verify', {})).broken).toBeNull();
  });
});

describe('a folder loan', () => {
  it('names the folder on every event and leaves the box and its other folders in the holdings', async () => {
    const { t, pw } = center;
    const id = await importRequest(t, requestFor(pw, { service: 'folder-loan', items: [{ sequence: 2, folder: 1 }] }));
    await t.call('center.request.record', { id, action: 'pull' });
    const out = await t.call('center.request.record', { id, action: 'checkout', to: 'the permits clerk' });
    expect(out.what).toBe('Folder 1 “Elm Street permits 2018” in box PW-2');
    const holdingBoxId = out.requestItems[0].holdingBoxId;
    const events = db().all<{ kind: string; folder_id: number | null }>(
      "SELECT e.kind, e.folder_id FROM center_request_event r JOIN custody_event e ON e.id = r.custody_event_id WHERE r.request_id = ? ORDER BY r.seq",
      [id],
    );
    const folderId = db().get<{ id: number }>('SELECT id FROM holding_folder WHERE box_id = ? AND position = 1', [holdingBoxId])!.id;
    expect(events).toEqual([
      { kind: 'requested', folder_id: folderId },
      { kind: 'pulled', folder_id: folderId },
      { kind: 'checked-out', folder_id: folderId },
    ]);
    const hits = await t.call('center.search', { query: 'Elm', offset: 0, limit: 10 });
    expect(hits.rows.map((hit) => hit.title)).toEqual(['Elm Street permits 2018', 'Elm Street permits 2019']);
    expect(boxRow(holdingBoxId).location_id).not.toBeNull();
    await t.call('center.request.record', { id, action: 'return' });
    await refused({ id, action: 'refile', locationId: 1 }, /^A folder goes back into its own box \(Folder 1 “Elm Street permits 2018” in box PW-2\): re-file it without a location\./);
    const done = await t.call('center.request.record', { id, action: 'refile' });
    expect(done.status).toBe('returned');
  });
});

describe('a copy or review', () => {
  it('is answered, then re-filed, which closes it; answered without pulling, it closes at once', async () => {
    const { t, pw } = center;
    const id = await importRequest(t, requestFor(pw, { service: 'copy', items: [{ sequence: 3, folder: 2 }] }));
    await refused({ id, action: 'checkout', to: 'someone' }, /asks for a copy or scan: only a box or folder loan is checked out/);
    await t.call('center.request.record', { id, action: 'pull' });
    await refused({ id, action: 'refile' }, 'Request PW-RQ-2026-0001 is pulled: record its answer before re-filing. Nothing was recorded.');
    const answered = await t.call('center.request.record', { id, action: 'answer', note: 'Scanned: 14 pages.', files: ['maple-2019.pdf'] });
    expect(answered).toMatchObject({ status: 'answered', answer: { note: 'Scanned: 14 pages.', files: ['maple-2019.pdf'] }, next: ['refile', 'refuse'] });
    // Answered but its box not yet back on the shelf: still in the open queue.
    expect((await t.call('center.requests', { show: 'open', offset: 0, limit: 10 })).rows.map((row) => row.id)).toEqual([id]);
    const done = await t.call('center.request.record', { id, action: 'refile' });
    expect(done).toMatchObject({ status: 'answered', next: [] });
    expect(done.events.map((event) => event.kind)).toEqual(['requested', 'pulled', 'refiled']);
    expect((await t.call('center.requests', { show: 'open', offset: 0, limit: 10 })).total).toBe(0);

    const review = await importRequest(t, requestFor(pw, { number: 'PW-RQ-2026-0002', service: 'review', items: [{ sequence: 1 }] }));
    const seen = await t.call('center.request.record', { id: review, action: 'answer', note: 'Reviewed at the counter.' });
    expect(seen).toMatchObject({ status: 'answered', next: [] });
    expect(seen.events.map((event) => event.kind)).toEqual(['requested']);
  });
});

describe('a permanent withdrawal', () => {
  it('takes the box out of the holdings for good and frees its position', async () => {
    const { t, pw } = center;
    const id = await importRequest(t, requestFor(pw, { service: 'withdrawal', items: [{ sequence: 1 }] }));
    await refused({ id, action: 'checkout', to: 'someone' }, /asks for permanent withdrawal \(the box comes back to the office for good\): only a box or folder loan is checked out/);
    const before = await t.call('center.request.get', { id });
    const item = before.requestItems[0];
    expect((await t.call('center.search', { query: 'Oak', offset: 0, limit: 10 })).total).toBe(2);

    const done = await t.call('center.request.record', { id, action: 'withdraw' });
    expect(done).toMatchObject({ status: 'withdrawn', next: [] });
    expect(done.requestItems[0]).toMatchObject({ status: 'withdrawn', location: null, locationId: null });
    expect(done.events.at(-1)).toMatchObject({ kind: 'withdrawn', detail: 'Withdrawn for good to Public Works' });
    expect(done.walkTo).toBe(`Accession ${pw.accessionNumber}, box ${item.centerBoxNumber}, withdrawn on 2026-03-02`);
    expect(boxRow(item.holdingBoxId)).toEqual({ location_id: null, withdrawn_at: '2026-03-02T10:00:00.000Z' });

    // No longer held: not found by its words nor its barcode, and its position is free.
    expect((await t.call('center.search', { query: 'Oak', offset: 0, limit: 10 })).total).toBe(0);
    expect((await t.call('center.search', { query: '', boxCode: item.boxId, offset: 0, limit: 10 })).total).toBe(0);
    expect((await t.call('center.search', { query: '', offset: 0, limit: 50 })).rows.map((hit) => hit.title)).not.toContain('Oak Street permits 2018');
    expect((await t.call('center.search', { query: 'Elm', offset: 0, limit: 10 })).total).toBe(2);
    const free = await t.call('center.locations', { freeOnly: true, offset: 0, limit: 100 });
    expect(free.rows.map((row) => row.words)).toContain(item.location);
    // It is never shelved again by accessioning (it has no position, but it is not waiting for one).
    expect(await t.call('center.suggestLocations', { accessionId: pw.accessionId })).toEqual([]);
    expect((await t.call('custody.verify', {})).broken).toBeNull();
  });
});

describe('refusing a request', () => {
  it('closes it with the reason, putting back on its shelf what was already pulled', async () => {
    const { t, pw } = center;
    const id = await importRequest(t, requestFor(pw));
    const untouched = await importRequest(t, requestFor(pw, { number: 'PW-RQ-2026-0002', items: [{ sequence: 2 }] }));
    const events = db().get<{ n: number }>('SELECT COUNT(*) AS n FROM custody_event')!.n;
    // Nothing off the shelf: refusing records no custody event.
    await t.call('center.request.record', { id: untouched, action: 'refuse', reason: 'The department asked for it twice.' });
    expect(db().get<{ n: number }>('SELECT COUNT(*) AS n FROM custody_event')!.n).toBe(events);
    await t.call('center.request.record', { id, action: 'pull' });
    const done = await t.call('center.request.record', { id, action: 'refuse', reason: 'The box is under a court seal.' });
    expect(done).toMatchObject({ status: 'refused', next: [] });
    expect(done.requestItems.map((item) => item.status)).toEqual(['refiled']);
    expect(done.events.map((event) => event.kind)).toEqual(['requested', 'pulled', 'refiled']);
    expect(done.events.at(-1)!.detail).toMatch(/^Put back at Building .+: the request was refused$/);
    expect(db().get<{ refusal: string; closed_at: string }>('SELECT refusal, closed_at FROM center_request WHERE id = ?', [id])).toEqual({
      refusal: 'The box is under a court seal.', closed_at: '2026-03-02T10:00:00.000Z',
    });
    await refused({ id, action: 'pull' }, /is closed \(refused on 2026-03-02\): nothing more can be recorded on it/);
  });
});

describe('the update sent back to the department', () => {
  it('is valid, sealed, and carries every event in order with each item’s state', async () => {
    const { t, pw } = center;
    const request = requestFor(pw, { items: [{ sequence: 1 }, { sequence: 3 }] });
    const id = await importRequest(t, request);
    await t.call('center.request.record', { id, action: 'pull' });
    t.advanceDays(1);
    await t.call('center.request.record', { id, action: 'checkout', to: 'the permits clerk', dueBack: '2026-03-31' });
    const written = await t.call('center.request.writeUpdate', { id });
    expect(written.path).toBe(join(t.dir, 'Retrievals', 'PW-RQ-2026-0001-retrieval-update.json'));
    expect(written.download.fileName).toBe('PW-RQ-2026-0001-retrieval-update.json');
    const update: RetrievalUpdate = retrievalUpdateSchema.parse(JSON.parse(await readFile(written.path, 'utf8')));
    expect(update.fingerprint).toBe(written.fingerprint);
    expect(sealFingerprint(update)).toBe(update.fingerprint);
    expect(update.request).toEqual({ number: 'PW-RQ-2026-0001', fingerprint: request.fingerprint });
    expect(update.department).toEqual({ name: 'Public Works', code: 'PW' });
    expect(update.recordsCenter).toEqual({ name: 'City Records Center', contactName: 'Lee Park', contactPhone: '555-0199', contactEmail: 'records@city.example' });
    expect(update.status).toBe('checked-out');
    expect(update.items.map((item) => [item.boxId, item.boxSequence, item.folderPosition, item.status, item.checkedOutTo, item.dueBack])).toEqual([
      [request.items[0].boxId, 1, null, 'checked-out', 'the permits clerk', '2026-03-31'],
      [request.items[1].boxId, 3, null, 'checked-out', 'the permits clerk', '2026-03-31'],
    ]);
    expect(update.items.every((item) => item.location?.startsWith('Building A / Row 1'))).toBe(true);
    expect(update.events.map((event) => [event.seq, event.kind, event.boxId])).toEqual([
      [1, 'requested', request.items[0].boxId], [2, 'requested', request.items[1].boxId],
      [3, 'pulled', request.items[0].boxId], [4, 'pulled', request.items[1].boxId],
      [5, 'checked-out', request.items[0].boxId], [6, 'checked-out', request.items[1].boxId],
    ]);
    expect(update.events[4]).toMatchObject({ at: '2026-03-03T10:00:00.000Z', actor: 'tester', detail: 'Checked out to the permits clerk, due back 2026-03-31' });
  });

  it('says a withdrawn box has no location, and carries a copy’s answer', async () => {
    const { t, pw } = center;
    const gone = await importRequest(t, requestFor(pw, { service: 'withdrawal', items: [{ sequence: 2 }] }));
    await t.call('center.request.record', { id: gone, action: 'withdraw' });
    const withdrawn = retrievalUpdateSchema.parse(JSON.parse(await readFile((await t.call('center.request.writeUpdate', { id: gone, outDir: 'out' })).path, 'utf8')));
    expect(withdrawn).toMatchObject({ status: 'withdrawn', items: [{ status: 'withdrawn', location: null }], answer: null });
    expect(withdrawn.events.map((event) => event.kind)).toEqual(['requested', 'withdrawn']);

    const copy = await importRequest(t, requestFor(pw, { number: 'PW-RQ-2026-0002', service: 'copy', items: [{ sequence: 3, folder: 1 }] }));
    await t.call('center.request.record', { id: copy, action: 'answer', note: 'Scanned.', files: ['scan.pdf'] });
    const path = (await t.call('center.request.writeUpdate', { id: copy, outDir: 'out' })).path;
    expect(path).toBe(join(t.dir, 'out', 'PW-RQ-2026-0002-retrieval-update.json'));
    const answered = retrievalUpdateSchema.parse(JSON.parse(await readFile(path, 'utf8')));
    expect(answered).toMatchObject({ status: 'answered', answer: { note: 'Scanned.', files: ['scan.pdf'] }, items: [{ folderPosition: 1, status: 'requested' }] });
    expect(answered.events).toEqual([expect.objectContaining({ seq: 1, kind: 'requested', folderPosition: 1 })]);
  });
});
