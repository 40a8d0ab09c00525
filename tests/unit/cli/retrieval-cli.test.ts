// Getting records back from the command line, both sides on real catalogs in-process: the department asks for one
// folder, the center takes the request in, pulls, checks it out and writes an update; the department takes the
// update in and `where` says it is checked out; then it comes back and is re-filed and `where` says so. Then a
// box loan re-filed at another shelf position, with --json shapes, and the exit codes of a refused file, an
// unknown request or position, and a command called wrongly.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CenterRequestDetail,
  CenterRequestImported,
  CenterRequestSummary,
  RetrievalRequested,
  RetrievalSummary,
  RetrievalUpdateImported,
  RetrievalUpdateWritten,
  WhereHit,
} from '../../../shared/api/contract-retrieval';
import { retrievalRequestSchema, retrievalUpdateSchema, type RetrievalRequest } from '../../../shared/exchange/retrieval';
import { cli } from './in-process';
import { json, twoCatalogs, type TwoCatalogs } from './two-catalogs';

let catalogs: TwoCatalogs;
const office = () => catalogs.office;
const center = () => catalogs.center;
const outbox = () => catalogs.outbox;
const requests = () => join(catalogs.dir, 'requests');

beforeAll(async () => {
  // The center lends single folders as well as boxes, with a turnaround of 2 working days.
  catalogs = await twoCatalogs({ center: { turnaroundWorkingDays: 2, deliveryOptions: ['box-returned', 'folder-returned', 'scan-on-demand'] } });
});

afterAll(async () => {
  await catalogs.dispose();
});

describe('getting a folder back from the command line', () => {
  let number = '';
  let requestPath = '';

  it('asks for folder 2 of box PW-2 on loan: the number, the due date, both files', async () => {
    const run = await cli('retrieval', 'request', office(), '--box', 'PW-2', '--folder', '2', '--type', 'loan',
      '--for', 'the permits clerk', '--deliver-to', 'Room 12', '--note', 'Call first', '--out', requests());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [, found] = /^Wrote (.+-retrieval-request\.json)$/m.exec(run.stdout) ?? [];
    expect(found).toBeDefined();
    requestPath = found;
    const request = retrievalRequestSchema.parse(JSON.parse(await readFile(requestPath, 'utf8')));
    number = request.request.number;
    expect(requestPath).toBe(join(requests(), `${number}-retrieval-request.json`));
    expect(run.stdout).toContain(`Wrote ${join(requests(), `${number}-retrieval-request.pdf`)}`);
    // Due by the center's turnaround of 2 working days from today, as the request file says.
    expect(request.request.dueBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(run.stdout.split('\n')[0]).toContain(number);
    expect(run.stdout.split('\n')[0]).toContain(request.request.dueBy!);
    expect(request.request).toMatchObject({ service: 'folder-loan', urgency: 'routine', neededFor: 'the permits clerk', deliverTo: 'Room 12', note: 'Call first' });
    expect(request.items).toHaveLength(1);
    expect(request.items[0]).toMatchObject({ boxLabel: 'PW-2', folder: { position: 2, title: 'Elm Street permits 2019' }, transferNumber: catalogs.transferNumber });
    expect(request.items[0].accessionNumber).toBeTruthy();

    const listed = await json<RetrievalSummary[]>('retrieval', 'list', office());
    expect(listed.map((row) => [row.number, row.service, row.status])).toEqual([[number, 'folder-loan', 'requested']]);
  });

  it('is taken in by the center (once), pulled and checked out; the update tells the department, and `where` says so', async () => {
    const imported = await json<CenterRequestImported>('retrieval', 'import', center(), requestPath);
    expect(imported.alreadyImported).toBe(false);
    expect(imported.request).toMatchObject({ number, service: 'folder-loan', status: 'open' });
    const again = await cli('retrieval', 'import', center(), requestPath);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing changed');

    const queue = await json<CenterRequestSummary[]>('retrieval', 'list', center());
    expect(queue.map((row) => [row.number, row.status, row.department.name])).toEqual([[number, 'open', 'Public Works']]);

    const pulled = await cli('retrieval', 'pull', center(), number);
    expect(pulled.stderr).toBe('');
    expect(pulled.stdout).toContain(`Request ${number} from Public Works:\n  Folder 2 “Elm Street permits 2019” in box PW-2 (${catalogs.transferNumber}-002, center box 2): pulled from the shelf\nNext: checkout`);
    expect(pulled.stdout).toContain(`transmittal retrieval update "${center()}" ${number}`);
    const checkedOut = await json<CenterRequestDetail>('retrieval', 'checkout', center(), number, '--to', 'the permits clerk', '--due-back', '2099-01-04');
    expect(checkedOut.status).toBe('checked-out');
    expect(checkedOut.requestItems.map((item) => [item.status, item.checkedOutTo, item.dueBack])).toEqual([['checked-out', 'the permits clerk', '2099-01-04']]);

    // Before the update, the department still sees it as asked for.
    expect((await cli('where', office(), 'Elm Street permits 2019')).stdout).not.toContain('checked out');

    const written = await json<RetrievalUpdateWritten>('retrieval', 'update', center(), number, '--out', outbox());
    expect(written.path).toBe(join(outbox(), `${number}-retrieval-update.json`));
    expect(retrievalUpdateSchema.parse(JSON.parse(await readFile(written.path, 'utf8'))).status).toBe('checked-out');

    const taken = await json<RetrievalUpdateImported>('retrieval', 'import', office(), written.path);
    expect(taken).toMatchObject({ requestNumber: number, status: 'checked-out', alreadyImported: false });
    expect(taken.newEvents).toBeGreaterThan(0);

    const where = await cli('where', office(), 'Elm Street permits 2019');
    expect(where.stdout).toMatch(/^Folder 2 “Elm Street permits 2019” \(BP-Elm\) in box PW-2: .*checked out to the permits clerk.*due back 2099-01-04/m);
    const hits = await json<WhereHit[]>('where', office(), 'Elm Street permits 2019');
    const folder = hits.find((hit) => hit.boxLabel === 'PW-2' && hit.folderPosition === 2);
    expect(folder?.where).toMatchObject({ status: 'checked-out', dueBack: '2099-01-04', overdue: false });
  });

  it('comes back and is re-filed at its own position; the next update says so, and `where` too', async () => {
    const back = await cli('retrieval', 'return', center(), number);
    expect(back.code).toBe(0);
    expect(back.stdout).toContain('in box PW-2 (');
    expect(back.stdout).toContain('): back at the center, not yet re-filed\nNext: refile');
    const refiled = await json<CenterRequestDetail>('retrieval', 'refile', center(), number);
    expect(refiled.requestItems.map((item) => item.status)).toEqual(['refiled']);
    const written = await json<RetrievalUpdateWritten>('retrieval', 'update', center(), number, '--out', outbox());
    const taken = await cli('retrieval', 'import', office(), written.path);
    expect(taken.code).toBe(0);
    expect(taken.stderr).toBe('');

    const hits = await json<WhereHit[]>('where', office(), 'Elm Street permits 2019');
    const folder = hits.find((hit) => hit.boxLabel === 'PW-2' && hit.folderPosition === 2)!;
    expect(folder.where.status).toBe('at-records-center');
    // Back in its box on the box's own shelf: the folder is wherever its box is (the box never left).
    expect(folder.where.words).toMatch(/^at City Records Center, accession \S+, box 2, Building A \/ Row 1 \/ Bay 1 \/ Shelf 1 \/ Position 2$/);
    expect(folder.where.request).toBeNull();
    expect((await cli('where', office(), 'Elm Street permits 2019')).stdout).not.toContain('checked out to');
    // Done: no longer among the open requests on either side, still listed with --all.
    expect(await json<CenterRequestSummary[]>('retrieval', 'list', center())).toEqual([]);
    expect((await json<CenterRequestSummary[]>('retrieval', 'list', center(), '--all')).map((row) => row.number)).toEqual([number]);
    expect((await json<RetrievalSummary[]>('retrieval', 'list', office(), '--all')).map((row) => row.number)).toEqual([number]);
  });
});

describe('a box loan re-filed at another shelf position', () => {
  it('goes back where the center says, and `where` shows that position', async () => {
    const requested = await json<RetrievalRequested>('retrieval', 'request', office(), '--box', 'PW-3', '--type', 'loan', '--urgent', '--out', requests());
    expect(requested.path).toBe(join(requests(), `${requested.number}-retrieval-request.json`));
    expect(retrievalRequestSchema.parse(JSON.parse(await readFile(requested.path, 'utf8'))).request).toMatchObject({ service: 'box-loan', urgency: 'urgent' });
    expect((await cli('retrieval', 'import', center(), requested.path)).code).toBe(0);
    for (const stepArgs of [['pull'], ['checkout', '--to', 'Ana Ruiz'], ['return']]) {
      const run = await cli('retrieval', stepArgs[0], center(), requested.number, ...stepArgs.slice(1));
      expect(run.stderr, stepArgs[0]).toBe('');
    }
    const nowhere = await cli('retrieval', 'refile', center(), requested.number, '--location', 'Building Z / Row 9', '--json');
    expect(nowhere.code).toBe(1);
    expect(JSON.parse(nowhere.stdout).error.code).toBe('not-found');
    expect(nowhere.stderr).toMatch(/^transmittal: there is no shelf position "Building Z \/ Row 9"/);

    const position = 'Building A / Row 2 / Bay 1 / Shelf 1 / Position 1';
    const refiled = await json<CenterRequestDetail>('retrieval', 'refile', center(), requested.number, '--location', 'building a/row 2/bay 1/shelf 1/position 1');
    expect(refiled.requestItems.map((item) => [item.status, item.location])).toEqual([['refiled', position]]);
    const written = await json<RetrievalUpdateWritten>('retrieval', 'update', center(), requested.number, '--out', outbox());
    expect((await cli('retrieval', 'import', office(), written.path)).code).toBe(0);
    const box = (await json<WhereHit[]>('where', office(), 'PW-3')).find((hit) => hit.folderId === null && hit.boxLabel === 'PW-3')!;
    expect(box.where.status).toBe('at-records-center');
    expect(box.where.words).toMatch(new RegExp(`^returned and re-filed at ${position.replace(/\//g, '\\/')} on `));
    expect((await cli('where', office(), 'PW-3')).stdout).toContain(`Box PW-3: returned and re-filed at ${position}`);
  });
});

describe('a copy answered, and a request refused', () => {
  it('records the answer and the files sent, and the refusal with its reason; the department reads both', async () => {
    const copy = await json<RetrievalRequested>('retrieval', 'request', office(), '--box', 'PW-1', '--folder', '2', '--type', 'copy', '--out', requests());
    const loan = await json<RetrievalRequested>('retrieval', 'request', office(), '--box', 'PW-3', '--type', 'loan', '--out', requests());
    for (const each of [copy, loan]) expect((await cli('retrieval', 'import', center(), each.path)).code).toBe(0);

    const answered = await json<CenterRequestDetail>('retrieval', 'answer', center(), copy.number, '--note', 'Scanned 14 pages', '--file', 'oak-2019.pdf', '--file', 'oak-2019-maps.pdf');
    expect(answered.status).toBe('answered');
    expect(answered.answer).toEqual({ note: 'Scanned 14 pages', files: ['oak-2019.pdf', 'oak-2019-maps.pdf'] });
    const refused = await cli('retrieval', 'refuse', center(), loan.number, '--reason', 'Box 3 is out for conservation until March');
    expect(refused.stdout).toContain(`Request ${loan.number} from Public Works: Refused by the center.`);

    for (const each of [copy, loan]) {
      const written = await json<RetrievalUpdateWritten>('retrieval', 'update', center(), each.number, '--out', outbox());
      expect((await cli('retrieval', 'import', office(), written.path)).code).toBe(0);
    }
    const listed = await json<RetrievalSummary[]>('retrieval', 'list', office(), '--all');
    expect(listed.filter((row) => [copy.number, loan.number].includes(row.number)).map((row) => [row.number, row.status]).sort())
      .toEqual([[copy.number, 'answered'], [loan.number, 'refused']].sort());
  });
});

describe('refusals and exit codes', () => {
  it('refuses a request file changed by hand: exit code 1, the error as JSON, one line on stderr', async () => {
    const requested = await json<RetrievalRequested>('retrieval', 'request', office(), '--box', 'PW-1', '--folder', '1', '--type', 'copy', '--out', requests());
    const file = JSON.parse(await readFile(requested.path, 'utf8'));
    file.items[0].folder.title = 'Something else';
    const changed = join(requests(), 'changed-retrieval-request.json');
    await writeFile(changed, JSON.stringify(file));
    const refused = await cli('retrieval', 'import', center(), changed, '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).error.code).toMatch(/\S/);
    expect(refused.stderr).toMatch(/^transmittal: [^\n]+\n$/);
    expect((await cli('retrieval', 'list', center(), '--all', '--json')).stdout).not.toContain(requested.number);
    await rm(changed);
  });

  it('says so for an unknown request number, and for a center step on a department catalog (exit code 1)', async () => {
    const unknown = await cli('retrieval', 'pull', center(), 'XX-RQ-1');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^transmittal: there is no retrieval request "XX-RQ-1" in this catalog/);
    const wrongSide = await cli('retrieval', 'pull', office(), 'XX-RQ-1', '--json');
    expect(wrongSide.code).toBe(1);
    expect(JSON.parse(wrongSide.stdout).error.code).toBe('forbidden');
    expect((await cli('where', center(), 'PW-1')).code).toBe(1);
  });

  it('finds a folder named on its own by its title or file code, and asks which when several answer', async () => {
    const ambiguous = await cli('retrieval', 'request', office(), '--folder', 'BP-Maple', '--type', 'copy', '--json');
    expect(ambiguous.code).toBe(1);
    expect(JSON.parse(ambiguous.stdout).error.message).toMatch(/^2 folders answer “BP-Maple” \(folder 1 “Maple Street permits 2018” in box PW-3; folder 2 “Maple Street permits 2019” in box PW-3\): add --box/);
    const missing = await cli('retrieval', 'request', office(), '--folder', 'no such file', '--type', 'copy');
    expect(missing.code).toBe(1);
    const asked = await json<RetrievalRequested>('retrieval', 'request', office(), '--folder', 'Maple Street permits 2018', '--type', 'copy', '--out', requests());
    const request = JSON.parse(await readFile(asked.path, 'utf8')) as RetrievalRequest;
    expect(request.request.service).toBe('copy');
    expect(request.items.map((item) => [item.boxLabel, item.folder?.position, item.folder?.title])).toEqual([['PW-3', 1, 'Maple Street permits 2018']]);
  });

  it('answers exit code 2 to a command called wrongly, changing nothing', async () => {
    const before = (await json<RetrievalSummary[]>('retrieval', 'list', office(), '--all')).length;
    expect((await cli('retrieval', 'request', office(), '--box', 'PW-1', 'PW-2', '--folder', '1', '--type', 'loan')).code).toBe(2);
    expect((await cli('retrieval', 'request', office(), '--box', 'PW-1', '--type', 'borrow')).code).toBe(2);
    expect((await cli('retrieval', 'request', office(), '--box', 'PW-1', '--folder', '1', '--type', 'withdrawal')).code).toBe(2);
    expect((await cli('retrieval', 'request', office(), '--box', 'PW-1', '--type', 'loan', '--needed-by', 'tomorrow')).code).toBe(2);
    expect((await cli('retrieval', 'checkout', center(), 'XX-RQ-1')).code).toBe(2);
    expect((await cli('retrieval', 'list', office(), '--all', '--overdue')).code).toBe(2);
    expect((await json<RetrievalSummary[]>('retrieval', 'list', office(), '--all')).length).toBe(before);
  });
});
