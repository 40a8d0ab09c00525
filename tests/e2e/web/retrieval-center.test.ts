// The records center works a retrieval request in the browser: takes in the request file a department's catalog wrote,
// finds it in the queue with where to walk to, opens it with the keyboard, pulls, checks out to someone with a due
// date, writes the update for the department (offered for download), takes the box back and re-files it; a request
// file changed after it was sealed is refused in words. The queue stays a few dozen rows in the page with 10,000 requests open.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import type { AccessionDetail } from '../../../shared/api/contract-center';
import type { Manifest } from '../../../shared/exchange/manifest';
import { RETRIEVAL_REQUEST_FORMAT, retrievalRequestSchema, retrievalUpdateSchema, type RetrievalRequest } from '../../../shared/exchange/retrieval';
import { setupWebTests } from '../support/fixtures';
import { centerWithBoxes, switchTo, type CenterWithBoxes } from '../support/center-with-boxes';
import { waitForReady } from '../support/browser';
import { checkAccessibility } from '../support/axe';
import { RequestsPage } from '../pages/requests-page';

const web = setupWebTests();
const REQUEST_NUMBER = 'PW-RQ-2026-0001';

/** Public Works sends box PW-001; a new records center catalog takes it in, checks it in and shelves it. */
async function centerHoldingOneBox(): Promise<CenterWithBoxes & { manifest: Manifest; boxId: number }> {
  const arranged = await centerWithBoxes(web.app.call, { labels: ['PW-001'], acknowledged: false });
  const row = web.app.session.current()!.db.get<{ manifest_json: string }>('SELECT manifest_json FROM accession WHERE id = ?', [arranged.accession.id])!;
  return { ...arranged, manifest: JSON.parse(row.manifest_json) as Manifest, boxId: arranged.boxIds[0] };
}

/**
 * The department's own request file, as its app writes it: the center's acknowledgment taken in (so the request
 * quotes the accession and shelf), then the whole box asked for on loan. Leaves the center's catalog open.
 */
async function departmentRequest(held: Awaited<ReturnType<typeof centerHoldingOneBox>>): Promise<{ path: string; request: RetrievalRequest }> {
  const { call } = web.app;
  const acknowledgment = await call('center.acknowledge', { accessionId: held.accession.id });
  await switchTo(call, held.departmentPath);
  await call('acknowledgments.import', { file: { path: acknowledgment.path } });
  const written = await call('retrievals.request', {
    boxIds: [held.boxId],
    service: 'box-loan',
    urgency: 'urgent',
    neededFor: 'the permits clerk',
    deliverTo: 'Permits counter, City Hall room 104',
    note: 'For the Oak Street appeal hearing.',
  });
  await switchTo(call, held.centerPath);
  return { path: written.path, request: retrievalRequestSchema.parse(JSON.parse(await readFile(written.path, 'utf8'))) };
}

/** A sealed request for the whole box, built from the manifest the center holds: what the queue test seeds its rows with. */
function requestFor(accession: AccessionDetail, manifest: Manifest): RetrievalRequest {
  const box = manifest.boxes[0];
  const held = accession.boxes.find((each) => each.boxCode === box.boxId)!;
  const unsealed: Omit<RetrievalRequest, 'fingerprint'> = {
    format: RETRIEVAL_REQUEST_FORMAT,
    request: {
      number: REQUEST_NUMBER,
      createdAt: new Date().toISOString(),
      service: 'box-loan',
      urgency: 'urgent',
      neededBy: null,
      dueBy: null,
      requestedBy: 'Ana Ruiz',
      neededFor: 'the permits clerk',
      deliverTo: 'Permits counter, City Hall room 104',
      note: 'For the Oak Street appeal hearing.',
    },
    department: {
      name: manifest.department.name,
      code: manifest.department.code,
      contactName: manifest.department.contactName,
      contactPhone: manifest.department.contactPhone,
      contactEmail: manifest.department.contactEmail,
    },
    recordsCenter: { name: manifest.recordsCenter.name },
    items: [
      {
        transferNumber: manifest.transfer.number,
        manifestFingerprint: accession.manifestFingerprint,
        accessionNumber: accession.accessionNumber,
        boxSequence: box.sequence,
        boxId: box.boxId,
        boxLabel: box.label,
        centerBoxNumber: held.centerBoxNumber,
        location: held.location,
        folder: null,
        legalHold: false,
      },
    ],
  };
  return { ...unsealed, fingerprint: sealFingerprint(unsealed) };
}

it('takes in a request, pulls, checks out, writes the update, takes the box back and re-files it', async () => {
  const arranged = await centerHoldingOneBox();
  const { accession, manifest } = arranged;
  const held = accession.boxes[0];
  expect(held.location).toBeTruthy();
  const { path: requestFile, request } = await departmentRequest(arranged);
  const requestNumber = request.request.number;
  expect(request.items[0]).toMatchObject({ accessionNumber: accession.accessionNumber, location: held.location });

  await web.load();
  const page = web.page;
  await page.getByRole('heading', { level: 1, name: 'Packages received' }).waitFor();
  const requests = new RequestsPage(page);
  await requests.goTo();
  // Nothing yet: the screen says what to do.
  expect(await requests.count.innerText()).toBe('No open requests.');
  expect(await requests.emptyHint.isVisible()).toBe(true);

  await requests.takeIn(requestFile);
  expect(await requests.takeInStatus.innerText()).toContain(requestNumber);
  await requests.queue.waitFor();
  expect(await requests.count.innerText()).toBe('1 open request.');
  const cells = await requests.cells(1);
  expect(cells[1]).toBe(requestNumber);
  expect(cells[2]).toBe('Public Works');
  expect(cells[3]).toContain('PW-001');
  // Where to walk to: the accession, the center's box number and the shelf.
  expect(cells[4]).toContain(accession.accessionNumber);
  expect(cells[4]).toContain(held.location!);
  expect(cells[5]).toBe('Box on loan');
  expect(cells[6]).toBe('Urgent');
  expect(cells[7]).toBe('Not yet pulled');

  const detail = await requests.openWithKeyboard();
  expect(await detail.heading.innerText()).toBe(`Request ${requestNumber}`);
  expect(page.url()).toMatch(/#\/requests\/\d+$/);
  const facts = await detail.facts.innerText();
  for (const quoted of ['Public Works (PW)', request.request.requestedBy, request.request.dueBy ?? 'No turnaround stated', 'the permits clerk', 'Permits counter, City Hall room 104', 'For the Oak Street appeal hearing.', request.fingerprint]) {
    expect(facts).toContain(quoted);
  }
  const item = await detail.items.locator('tbody tr').first().innerText();
  expect(item).toContain(accession.accessionNumber);
  expect(item).toContain(held.location!);
  expect(item).toContain('The whole box');
  expect(await detail.nextSteps()).toContain('Pulled from the shelf');
  expect(await detail.nextSteps()).not.toContain('Returned to the center');
  const { serious } = await checkAccessibility(page, 'A records center request');
  expect(serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);

  await detail.record('Pulled from the shelf', /^Recorded: .*pulled from the shelf\. Public Works learns of it from the update file/);
  expect(await detail.nextSteps()).toContain('Check out…');

  // Check out: to whom (the department's own words offered) and due back (30 days from today unless changed).
  await detail.step('Check out…');
  const checkout = detail.form('Check out');
  expect(await checkout.getByLabel('Checked out to').inputValue()).toBe('the permits clerk');
  // Counted in the browser's own time zone, as the person sees today.
  const in30 = await page.evaluate(() => {
    const now = new Date();
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 30);
    return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  });
  expect(await checkout.getByLabel('Due back').inputValue()).toBe(in30);
  await checkout.getByLabel('Checked out to').fill('Ana Ruiz, permits clerk');
  await checkout.getByLabel('Due back').fill('2027-01-04');
  await checkout.getByRole('button', { name: 'Record the check-out' }).click();
  await detail.recorded.filter({ hasText: 'checked out to Ana Ruiz, permits clerk, due back 2027-01-04' }).waitFor();
  await waitForReady(page);
  expect(await detail.items.locator('tbody tr').first().innerText()).toContain('Ana Ruiz, permits clerk, due back 2027-01-04');

  const download = await detail.writeUpdate();
  expect(download.suggestedFilename()).toBe(`${requestNumber}-retrieval-update.json`);
  const updatePath = join(web.app.workspaceDir, 'saved-update.json');
  await download.saveAs(updatePath);
  const update = retrievalUpdateSchema.parse(JSON.parse(await readFile(updatePath, 'utf8')));
  expect(update.request).toEqual({ number: requestNumber, fingerprint: request.fingerprint });
  expect(update.status).toBe('checked-out');
  expect(update.items[0]).toMatchObject({ boxId: manifest.boxes[0].boxId, status: 'checked-out', checkedOutTo: 'Ana Ruiz, permits clerk', dueBack: '2027-01-04' });
  expect(update.events.map((event) => event.kind)).toEqual(['requested', 'pulled', 'checked-out']);
  expect(await detail.update.getByRole('status').innerText()).toContain(update.fingerprint);

  await detail.record('Returned to the center', /^Recorded: .*returned to the center\. Re-file it next\./);
  await detail.step('Re-file…');
  const refile = detail.form('Re-file');
  expect(await refile.getByRole('radio', { name: `Its own position: ${held.location}` }).isChecked()).toBe(true);
  await refile.getByRole('button', { name: 'Record the re-filing' }).click();
  await detail.recorded.filter({ hasText: `re-filed at ${held.location}` }).waitFor();
  await waitForReady(page);
  expect(await detail.items.locator('tbody tr').first().innerText()).toContain('Re-filed');
  const timeline = await detail.timeline.getByRole('listitem').allInnerTexts();
  expect(timeline).toHaveLength(5);
  expect(timeline[0]).toMatch(/Requested, box /);
  expect(timeline[1]).toMatch(/Pulled, box /);
  expect(timeline[2]).toMatch(/Checked out, box .*Ana Ruiz, permits clerk/);
  expect(timeline[3]).toMatch(/Returned, box /);
  expect(timeline[4]).toMatch(/Re-filed, box /);

  // The same file taken in again changes nothing; the same request changed by hand after it was sealed is refused.
  await page.getByRole('link', { name: '← All requests' }).click();
  await requests.heading.waitFor();
  await requests.show('All');
  await requests.queue.waitFor();
  expect((await requests.cells(1))[1]).toBe(requestNumber);
  const tampered = join(web.app.workspaceDir, 'tampered-retrieval-request.json');
  await writeFile(tampered, JSON.stringify({ ...request, request: { ...request.request, service: 'withdrawal' } }, null, 2));
  await requests.takeIn(tampered);
  const refusal = await requests.takeInError.innerText();
  expect(refusal).toContain('tampered-retrieval-request.json was changed after it was written');
  expect(refusal).toContain('Nothing was changed.');
  expect(await requests.takeInStatus.count()).toBe(0);
  const all = await web.app.call('center.requests', { show: 'all', offset: 0, limit: 10 });
  expect(all.total).toBe(1);
});

it('keeps the queue to the rows in view with 10,000 open requests, soonest due first, and walks it with the keyboard', async () => {
  const { accession, manifest } = await centerHoldingOneBox();
  const { db } = web.app.session.current()!;
  const departmentId = db.get<{ department_id: number }>('SELECT department_id FROM accession WHERE id = ?', [accession.id])!.department_id;
  // Arranged straight in the tables: taking in 10,000 files one by one would test patience, not the queue.
  const base = requestFor(accession, manifest);
  db.exec('BEGIN');
  for (let index = 1; index <= 10_000; index++) {
    const number = `PW-RQ-2026-${String(index).padStart(5, '0')}`;
    // Request 1 is due last, request 10,000 first (a day apart): the queue must put 10,000 on top.
    const due = new Date(Date.UTC(2030, 0, 1) + (10_000 - index) * 86_400_000).toISOString().slice(0, 10);
    const json = JSON.stringify({ ...base, request: { ...base.request, number } });
    const { lastInsertRowid } = db.run(
      `INSERT INTO center_request (department_id, number, fingerprint, service, urgency, needed_by, due_by, requested_by, needed_for, deliver_to, note, json,
         received_at, received_by, status, queue_date) VALUES (?, ?, ?, 'box-loan', 'routine', NULL, ?, 'Ana Ruiz', 'the permits clerk', '', '', ?, ?, 'e2e tester', 'open', ?)`,
      [departmentId, number, index.toString(16).padStart(64, '0'), due, json, new Date().toISOString(), due],
    );
    db.run('INSERT INTO center_request_item (request_id, holding_box_id, folder_position) VALUES (?, ?, NULL)', [lastInsertRowid, accession.boxes[0].id]);
  }
  db.exec('COMMIT');

  await web.load();
  const page = web.page;
  await page.getByRole('heading', { level: 1, name: 'Packages received' }).waitFor();
  await waitForReady(page);
  const requests = new RequestsPage(page);
  // A list that put every row in the page would hold the browser for many seconds here (it did, once): the rows in
  // the page are counted below; how fast the queue draws is the retrieval benchmark's to measure.
  await requests.goTo();
  await requests.queue.waitFor();
  await requests.row(1).getByRole('gridcell').nth(1).filter({ hasText: 'PW-RQ-2026-10000' }).waitFor();
  expect(await requests.count.innerText()).toBe('10,000 open requests.');
  expect(await requests.queue.getAttribute('aria-rowcount')).toBe('10001');
  expect(await requests.renderedRows().count()).toBeLessThan(80);
  expect((await requests.cells(2))[1]).toBe('PW-RQ-2026-09999');

  // End goes to the last request (due last), fetched as it comes into view; Enter opens it.
  await requests.queue.focus();
  await page.keyboard.press('End');
  await requests.row(10_000).getByRole('gridcell').nth(1).filter({ hasText: 'PW-RQ-2026-00001' }).waitFor();
  expect(await requests.renderedRows().count()).toBeLessThan(80);
  await page.keyboard.press('ArrowUp');
  expect(await requests.row(9_999).getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Request PW-RQ-2026-00002' }).waitFor();
});
