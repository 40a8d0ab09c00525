// Asking the records center for boxes and folders back: what each would be quoted as, what is refused and why, and
// the request file, its PDF, its rows and its custody events.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { addWorkingDays, retrievalRequestSchema, type RetrievalRequest } from '../../../shared/exchange/retrieval';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import { sentCatalog, type ClockedSession } from './retrieval-fixtures';

let open: ClockedSession | null = null;
afterEach(async () => {
  await open?.dispose();
  open = null;
});

async function catalog(options: { acknowledged?: boolean } = {}) {
  const sent = await sentCatalog(options);
  open = sent.t;
  sent.t.setNow('2026-03-12T09:00:00.000Z'); // a Thursday: 2 working days ends Monday 2026-03-16
  return sent;
}

const count = (t: ClockedSession, sql: string) => t.context().db.get<{ n: number }>(sql)!.n;

describe('retrievals.options', () => {
  it('quotes each box and folder as the request would, with the center, its services and the due date', async () => {
    const { t, boxes, folders, transferNumber } = await catalog();
    const options = await t.call('retrievals.options', { boxIds: [boxes['PW-1']], folderIds: [folders['PW-2'][0]] });
    expect(options.problem).toBeNull();
    expect(options.center).toMatchObject({ name: 'City Records Center', turnaroundWorkingDays: 2 });
    expect(options.services).toEqual(['box-loan', 'folder-loan', 'copy', 'withdrawal']);
    expect(options.dueBy).toBe('2026-03-16');
    expect(options.dueBy).toBe(addWorkingDays('2026-03-12', 2));
    const [box, folder] = options.items;
    expect(box).toMatchObject({
      transferNumber, boxSequence: 1, boxId: `${transferNumber}-001`, boxLabel: 'PW-1', accessionNumber: 'PW-2026-0042', centerBoxNumber: '118',
      location: 'Building A / Row 3 / Bay 2 / Shelf 4 / Position 1', folder: null, legalHold: false, blocked: null, boxIdInCatalog: boxes['PW-1'], folderIdInCatalog: null,
    });
    expect(box.manifestFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(box.where).toMatchObject({ status: 'at-records-center', words: 'at City Records Center, accession PW-2026-0042, box 118, Building A / Row 3 / Bay 2 / Shelf 4 / Position 1' });
    expect(folder).toMatchObject({ boxId: `${transferNumber}-002`, folder: { position: 1, title: 'Elm Street permits 2018', fileCode: 'BP-Elm' }, legalHold: true, blocked: null });
  });

  it('says why a box cannot be asked for: never sent, in a draft transfer, or at another records center', async () => {
    const { t, boxes } = await catalog();
    const office = (await t.call('boxes.create', { label: 'PW-9', cubicFeet: 1.2 })).id;
    let options = await t.call('retrievals.options', { boxIds: [boxes['PW-1'], office], folderIds: [] });
    expect(options.items[1].blocked).toBe('it is in the office: it was never sent to a records center');
    expect(options.items[1].where.words).toBe('in the office');

    const other = (await t.call('centers.create', { name: 'State Archives Annex', deliveryOptions: ['box-returned'], turnaroundWorkingDays: 5 })).id;
    const draft = (await t.call('transfers.create', { recordsCenterId: other })).id;
    await t.call('transfers.addBoxes', { id: draft, boxIds: [office] });
    const draftNumber = (await t.call('transfers.get', { id: draft })).number;
    options = await t.call('retrievals.options', { boxIds: [office], folderIds: [] });
    expect(options.items[0].where).toMatchObject({ status: 'in-transfer', words: `in a draft transfer ${draftNumber}` });
    expect(options.items[0].blocked).toContain(`in a draft transfer ${draftNumber}`);
    expect(options.problem).toBe('None of these boxes or folders was sent to a records center: there is nothing to ask for.');

    // A box sent (on paper records: a transfer row) to another center: the two cannot go on one request.
    t.context().db.run("UPDATE transfer SET status = 'sent', sent_at = ?, manifest_json = '{}', fingerprint = ? WHERE id = ?", ['2026-03-05T00:00:00.000Z', 'a'.repeat(64), draft]);
    options = await t.call('retrievals.options', { boxIds: [boxes['PW-1'], office], folderIds: [] });
    expect(options.problem).toBe('These boxes are at 2 records centers (City Records Center and State Archives Annex): ask each center separately.');
  });

  it('quotes a box still in transit, with no accession yet', async () => {
    const { t, boxes } = await catalog({ acknowledged: false });
    const options = await t.call('retrievals.options', { boxIds: [boxes['PW-3']], folderIds: [] });
    expect(options.items[0]).toMatchObject({ accessionNumber: null, centerBoxNumber: null, location: null, blocked: null });
    expect(options.items[0].where).toMatchObject({ status: 'in-transit', words: 'in transit to City Records Center since 2026-03-02', since: '2026-03-02T09:00:00.000Z' });
  });
});

describe('retrievals.request', () => {
  it('writes the sealed request and its PDF, records it with a requested event on each box, and warns of the turnaround and the hold', async () => {
    const { t, boxes, transferNumber } = await catalog();
    const versionBefore = t.version();
    const done = await t.call('retrievals.request', {
      boxIds: [boxes['PW-1'], boxes['PW-2']], folderIds: [], service: 'box-loan', neededBy: '2026-03-13', neededFor: 'the permits clerk', deliverTo: 'Room 204',
    });
    expect(done.number).toBe('PW-RQ-2026-0001');
    expect(done.dueBy).toBe('2026-03-16');
    expect(done.path).toBe(`${t.dir}/Retrievals/PW-RQ-2026-0001-retrieval-request.json`);
    expect(done.pdfPath).toBe(`${t.dir}/Retrievals/PW-RQ-2026-0001-retrieval-request.pdf`);
    expect(done.download.fileName).toBe('PW-RQ-2026-0001-retrieval-request.json');
    expect(done.warnings).toEqual([
      "Needed by 2026-03-13, but City Records Center's turnaround is 2 working days: expect it by 2026-03-16.",
      'Box PW-2 is on legal hold: a hold does not stop a retrieval; the center is told.',
    ]);
    const file = JSON.parse(await readFile(done.path, 'utf8')) as RetrievalRequest;
    expect(retrievalRequestSchema.safeParse(file).success).toBe(true);
    expect(file.fingerprint).toBe(done.fingerprint);
    expect(sealFingerprint(file)).toBe(file.fingerprint);
    expect(file.request).toMatchObject({ number: 'PW-RQ-2026-0001', service: 'box-loan', urgency: 'routine', neededBy: '2026-03-13', dueBy: '2026-03-16', requestedBy: 'tester', neededFor: 'the permits clerk' });
    expect(file.department).toMatchObject({ name: 'Public Works', code: 'PW' });
    expect(file.items.map((item) => [item.boxId, item.legalHold])).toEqual([[`${transferNumber}-001`, false], [`${transferNumber}-002`, true]]);
    expect((await readFile(done.pdfPath)).length).toBeGreaterThan(0);

    expect(t.version()).toBeGreaterThan(versionBefore);
    const events = t.context().db.all<{ box_id: number; folder_id: number | null; kind: string; detail: string }>("SELECT * FROM custody_event WHERE kind = 'requested' ORDER BY id");
    expect(events.map((event) => [event.box_id, event.folder_id])).toEqual([[boxes['PW-1'], null], [boxes['PW-2'], null]]);
    expect(JSON.parse(events[0].detail)).toEqual({ text: 'Asked City Records Center for box PW-1 (the whole box returned on loan) for the permits clerk on request PW-RQ-2026-0001', request: 'PW-RQ-2026-0001' });
    expect((await t.call('custody.verify', {})).broken).toBeNull();
    // Recorded as it happened: not on the undo stack.
    await t.fail('history.undo', {});
    expect(count(t, 'SELECT count(*) AS n FROM retrieval_request')).toBe(1);

    const listed = await t.call('retrievals.list', { open: true });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ number: 'PW-RQ-2026-0001', status: 'requested', what: 'Box PW-1 and 1 more', items: 2, centerName: 'City Records Center', overdue: false });
    const detail = await t.call('retrievals.get', { id: done.id });
    expect(detail.requestItems.map((item) => [item.boxLabel, item.status, item.where.request?.number])).toEqual([['PW-1', 'requested', 'PW-RQ-2026-0001'], ['PW-2', 'requested', 'PW-RQ-2026-0001']]);
    expect(detail).toMatchObject({ deliverTo: 'Room 204', fingerprint: done.fingerprint, updates: [], answer: null });

    // Already asked for: said, with the request's number; the next request takes the next number.
    const options = await t.call('retrievals.options', { boxIds: [boxes['PW-1']], folderIds: [] });
    expect(options.items[0].blocked).toBe('it is already on request PW-RQ-2026-0001, still open');
    const next = await t.call('retrievals.request', { boxIds: [boxes['PW-3']], folderIds: [], service: 'copy' });
    expect(next.number).toBe('PW-RQ-2026-0002');
    expect(next.warnings).toEqual([]);
  });

  it('refuses a service the center does not offer, the wrong kind of item, or an item that cannot be asked for, changing nothing', async () => {
    const { t, boxes, folders } = await catalog();
    const office = (await t.call('boxes.create', { label: 'PW-9', cubicFeet: 1.2 })).id;
    const before = t.version();
    const review = await t.fail('retrievals.request', { boxIds: [boxes['PW-1']], folderIds: [], service: 'review' });
    expect(review).toMatchObject({ code: 'invalid-input', details: { field: 'service' } });
    expect(review.message).toContain('City Records Center does not offer “review at the records center”');
    const folderForBox = await t.fail('retrievals.request', { boxIds: [], folderIds: [folders['PW-1'][0]], service: 'box-loan' });
    expect(folderForBox).toMatchObject({ code: 'invalid-input', details: { field: 'folderIds' } });
    const boxForFolder = await t.fail('retrievals.request', { boxIds: [boxes['PW-1']], folderIds: [], service: 'folder-loan' });
    expect(boxForFolder).toMatchObject({ code: 'invalid-input', details: { field: 'boxIds' } });
    const withdrawFolder = await t.fail('retrievals.request', { boxIds: [], folderIds: [folders['PW-1'][0]], service: 'withdrawal' });
    expect(withdrawFolder.details?.field).toBe('folderIds');
    const blocked = await t.fail('retrievals.request', { boxIds: [boxes['PW-1'], office], folderIds: [], service: 'box-loan' });
    expect(blocked).toMatchObject({ code: 'invalid-input', details: { field: 'boxIds' } });
    expect(blocked.message).toBe('Box PW-9 cannot be asked for now: it is in the office: it was never sent to a records center. Nothing was requested.');
    expect(t.version()).toBe(before);
    expect(count(t, 'SELECT count(*) AS n FROM retrieval_request')).toBe(0);
    expect(count(t, "SELECT count(*) AS n FROM custody_event WHERE kind = 'requested'")).toBe(0);
  });

  it('takes a box on legal hold, with the warning', async () => {
    const { t, folders } = await catalog();
    const done = await t.call('retrievals.request', { boxIds: [], folderIds: [folders['PW-2'][0]], service: 'folder-loan' });
    expect(done.warnings).toEqual(['Folder 1 “Elm Street permits 2018” in box PW-2 is on legal hold: a hold does not stop a retrieval; the center is told.']);
    const event = t.context().db.get<{ folder_id: number }>("SELECT folder_id FROM custody_event WHERE kind = 'requested'")!;
    expect(event.folder_id).toBe(folders['PW-2'][0]);
  });
});
