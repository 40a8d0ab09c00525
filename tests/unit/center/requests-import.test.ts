// center.requests.import: a department's request is taken in only when every item names a box this center holds for
// that department, on hand, with the folder it names; otherwise it is refused, naming what is wrong, changing nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { centerWithRequests, importRequest, requestFile, requestFor, type CenterWithRequests } from './request-fixtures';

let center: CenterWithRequests;
beforeEach(async () => {
  center = await centerWithRequests();
}, 60_000);
afterEach(async () => {
  await center.t.dispose();
});

const version = () => center.t.session.current()!.version.value;
const custodyEvents = () => center.t.session.current()!.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM custody_event')!.n;

describe('taking in a retrieval request', () => {
  it('queues the request with where to walk to, and records a "requested" event per item, numbered', async () => {
    const { t, pw } = center;
    const request = requestFor(pw, { items: [{ sequence: 3 }, { sequence: 1, folder: 2 }], service: 'copy' });
    const imported = await t.call('center.requests.import', { file: { path: await requestFile(t, request) } });
    expect(imported.alreadyImported).toBe(false);
    expect(imported.message).toContain('PW-RQ-2026-0001');

    const queue = await t.call('center.requests', { show: 'open', offset: 0, limit: 50 });
    expect(queue.total).toBe(1);
    const [summary] = queue.rows;
    expect(summary).toMatchObject({
      number: 'PW-RQ-2026-0001', service: 'copy', status: 'open', items: 2, dueBy: '2026-03-03', overdue: false,
      department: { name: 'Public Works', code: 'PW' },
      what: 'Box PW-3 + 1 more',
    });
    const box3 = (await t.call('center.accession.get', { id: pw.accessionId })).boxes.find((box) => box.sequence === 3)!;
    expect(summary.walkTo).toBe(`Accession ${pw.accessionNumber}, box ${box3.centerBoxNumber}, ${box3.location}`);
    expect(summary.walkTo).toMatch(/^Accession PW-2026-\d+, box \d+, Building A \/ Row 1 \/ Bay 1 \/ Shelf 1 \/ Position \d$/);

    const detail = await t.call('center.request.get', { id: summary.id });
    expect(detail.requestItems.map((item) => [item.boxSequence, item.folder?.position ?? null, item.status])).toEqual([[3, null, 'requested'], [1, 2, 'requested']]);
    expect(detail.requestItems[1].folder).toEqual({ position: 2, title: 'Oak Street permits 2019', fileCode: 'BP-Oak' });
    expect(detail.events.map((event) => [event.seq, event.kind, event.folderPosition])).toEqual([[1, 'requested', null], [2, 'requested', 2]]);
    expect(detail.events[0]).toMatchObject({ actor: 'tester', at: '2026-03-02T10:00:00.000Z', detail: 'Requested by Ana Ruiz (Public Works) on PW-RQ-2026-0001: a copy or scan' });
    expect(detail.next).toEqual(['pull', 'answer', 'refuse']);

    // The folder's event names the folder, so its box's own timeline does not move.
    const folderEvent = t.session.current()!.db.get<{ folder_id: number | null; transfer_id: number }>(
      "SELECT folder_id, transfer_id FROM custody_event WHERE kind = 'requested' ORDER BY id DESC LIMIT 1",
    )!;
    expect(folderEvent.folder_id).not.toBeNull();
    expect(folderEvent.transfer_id).toBe(pw.accessionId);
    expect((await t.call('custody.verify', {})).broken).toBeNull();
  });

  it('queues a folder as “Folder n “title” in box label”, on its queue day (due by, else needed by, else the day received)', async () => {
    const { t, pw } = center;
    await importRequest(t, requestFor(pw, { number: 'PW-RQ-2026-0002', service: 'folder-loan', items: [{ sequence: 2, folder: 2 }], dueBy: null, neededBy: null }));
    await importRequest(t, requestFor(pw, { number: 'PW-RQ-2026-0003', dueBy: null, neededBy: '2026-03-01' }));
    const rows = (await t.call('center.requests', { show: 'all', offset: 0, limit: 50 })).rows;
    expect(rows.map((row) => [row.number, row.what])).toEqual([
      ['PW-RQ-2026-0003', 'Box PW-1'],
      ['PW-RQ-2026-0002', 'Folder 2 “Elm Street permits 2019” in box PW-2'],
    ]);
    // Needed by yesterday and not yet handed over: overdue already.
    expect(rows[0].overdue).toBe(true);
    expect(rows[1].overdue).toBe(false);
  });

  it('takes the same request twice as one, and refuses another request with the same number', async () => {
    const { t, pw } = center;
    const request = requestFor(pw);
    const id = await importRequest(t, request);
    const before = { version: version(), events: custodyEvents() };
    const again = await t.call('center.requests.import', { file: { path: await requestFile(t, request, 'again.json') } });
    expect(again.alreadyImported).toBe(true);
    expect(again.request.id).toBe(id);
    expect(again.message).toContain('nothing changed');
    expect({ version: version(), events: custodyEvents() }).toEqual(before);

    const changed = requestFor(pw, { note: 'A different request, same number' });
    const error = await t.fail('center.requests.import', { file: { path: await requestFile(t, changed, 'changed.json') } });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('changed.json is request PW-RQ-2026-0001 from Public Works (PW), but a different request with that number');
    expect({ version: version(), events: custodyEvents() }).toEqual(before);
  });

  it('takes an uploaded request and lets the upload go', async () => {
    const { t, pw } = center;
    const receipt = await t.session.files.receive([Buffer.from(JSON.stringify(requestFor(pw)))], 'from-email.json');
    const imported = await t.call('center.requests.import', { file: { upload: receipt.upload } });
    expect(imported.request.number).toBe('PW-RQ-2026-0001');
    expect(() => t.session.files.resolve({ upload: receipt.upload })).toThrow();
  });
});

describe('refusing a request, changing nothing', () => {
  type Case = [name: string, file: (c: CenterWithRequests) => string | object | Promise<string | object>, message: RegExp, field?: string];
  const cases: Case[] = [
    ['a file that is not JSON', () => 'not json at all {', /bad\.json is not a JSON file/],
    ['another format', () => ({ format: 'transmittal-manifest/2' }), /bad\.json is not a retrieval request \(its format is “transmittal-manifest\/2”/],
    [
      'a field the format does not allow',
      (c) => ({ ...requestFor(c.pw), request: { ...requestFor(c.pw).request, service: 'courier' } }),
      /bad\.json is damaged or was changed by hand: field request\.service/,
      'request.service',
    ],
    [
      'a file changed after it was written',
      (c) => { const request = requestFor(c.pw); return { ...request, request: { ...request.request, note: 'added later' } }; },
      /bad\.json was changed after it was written/,
      'fingerprint',
    ],
    [
      'a department the center holds nothing for',
      (c) => requestFor(c.pw, { department: { name: 'Library', code: 'LIB' } }),
      /a request from Library \(LIB\), but this records center holds no records of that department/,
      'department',
    ],
    [
      'a transfer the center never took in',
      (c) => requestFor(c.pw, { manifestFingerprint: 'a'.repeat(64) }),
      /Item 1 of bad\.json \(box PW-\S+\) names transfer PW-\S+, but no accession of this records center has its manifest/,
      'items.0.manifestFingerprint',
    ],
    [
      'another department’s box',
      (c) => requestFor(c.pw, { manifestFingerprint: c.pk.fingerprint }),
      /belongs to Parks \(accession PK-2026-\d+\), not Public Works: a department can only ask for its own records/,
      'items.0.manifestFingerprint',
    ],
    ['a box not in the accession', (c) => requestFor(c.pw, { items: [{ sequence: 1, boxId: 'PW-NOPE-009' }] }), /\(box PW-NOPE-009\) is not a box of accession PW-2026-\d+/, 'items.0.boxId'],
    ['a box recorded missing', (c) => requestFor(c.pk, { items: [{ sequence: 2 }] }), /was recorded missing at check-in on 2026-03-02/, 'items.0.boxId'],
    ['a folder the box does not hold', (c) => requestFor(c.pw, { service: 'folder-loan', items: [{ sequence: 1, folder: 9 }] }), /names folder 9 “No such folder”, but the box holds no folder at that position/, 'items.0.folder.position'],
    ['a folder loan naming no folder', (c) => requestFor(c.pw, { service: 'folder-loan' }), /names no folder, but a folder loan is of one folder/, 'items.0.folder'],
    ['a withdrawal of one folder', (c) => requestFor(c.pw, { service: 'withdrawal', items: [{ sequence: 1, folder: 1 }] }), /is of the whole box/, 'items.0.folder'],
  ];

  it.each(cases)('refuses %s', async (_name, make, message, field) => {
    const { t } = center;
    const before = { version: version(), events: custodyEvents() };
    const content = await make(center);
    const path = await requestFile(t, typeof content === 'string' ? content : JSON.stringify(content), 'bad.json');
    const error = await t.fail('center.requests.import', { file: { path } });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Nothing was changed\.$/);
    if (field) expect(error.details?.field).toBe(field);
    expect({ version: version(), events: custodyEvents() }).toEqual(before);
    expect((await t.call('center.requests', { show: 'all', offset: 0, limit: 10 })).total).toBe(0);
  });

  it('refuses a box on another request not yet finished, then takes it once that one is closed', async () => {
    const { t, pw } = center;
    const copy = await importRequest(t, requestFor(pw, { service: 'copy', number: 'PW-RQ-2026-0005' }));
    await t.call('center.request.record', { id: copy, action: 'pull' });
    await t.call('center.request.record', { id: copy, action: 'answer', note: 'Scanned and emailed.' });
    // Answered, but its box is not back on the shelf: a loan of it now could be re-filed while it is out.
    const before = { version: version(), events: custodyEvents() };
    const loan = requestFor(pw, { number: 'PW-RQ-2026-0006' });
    const error = await t.fail('center.requests.import', { file: { path: await requestFile(t, loan, 'loan.json') } });
    expect(error.message).toMatch(/Item 1 of loan\.json \(box PW-\S+\) is on request PW-RQ-2026-0005, taken in on 2026-03-02 and not finished: finish or refuse that request first/);
    expect({ version: version(), events: custodyEvents() }).toEqual(before);
    await t.call('center.request.record', { id: copy, action: 'refile' });
    const taken = await t.call('center.requests.import', { file: { path: await requestFile(t, loan, 'loan.json') } });
    expect(taken.request.number).toBe('PW-RQ-2026-0006');
  });

  it('refuses a box withdrawn already', async () => {
    const { t, pw } = center;
    const id = await importRequest(t, requestFor(pw, { service: 'withdrawal', number: 'PW-RQ-2026-0009' }));
    await t.call('center.request.record', { id, action: 'withdraw' });
    const before = { version: version(), events: custodyEvents() };
    const error = await t.fail('center.requests.import', { file: { path: await requestFile(t, requestFor(pw), 'late.json') } });
    expect(error.message).toMatch(/Item 1 of late\.json \(box PW-\S+\) was withdrawn for good on 2026-03-02: it is back with the department/);
    expect({ version: version(), events: custodyEvents() }).toEqual(before);
  });
});
