// The department gets a folder back in the browser: it finds the folder by a word of its title (the search shows
// where it is and marks the word), asks for it in one step, sees the request's number and due date, and later takes
// in the records center's update, after which the list and the box page say who has it and until when. The center's
// side runs in the same workspace through its own catalog, as a records center would.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { setupWebTests } from '../support/fixtures';
import { sendAndPackage } from '../support/department';
import { waitForReady } from '../support/browser';
import { checkAccessibility } from '../support/axe';
import { CatalogPage } from '../pages/catalog-page';
import { RequestBackDialog, RetrievalsPage } from '../pages/retrievals-page';

const web = setupWebTests();
const CENTER_PROFILE = {
  name: 'City Records Center', address: '1 Archive Way', contactName: 'Lee Park', contactPhone: '555-0199', contactEmail: 'records@city.example',
  retrievalInstructions: 'Email the accession and box number.', turnaround: 'Two working days', turnaroundWorkingDays: 2,
  dispositionNoticeDays: 90, deliveryOptions: ['box-returned', 'folder-returned', 'scan-on-demand'] as ('box-returned' | 'folder-returned' | 'scan-on-demand')[],
  lossPolicy: 'Reported within one working day.',
};

async function findFile(dir: string, name: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true });
  const found = entries.find((entry) => entry.endsWith(name));
  if (!found) throw new Error(`${name} is not in ${dir}`);
  return join(dir, found);
}

/** Box PW-001 with two folders, sent, checked in and shelved by the center, and its acknowledgment taken in. */
async function sentAndAcknowledged() {
  const { call, workspaceDir } = web.app;
  const departmentCatalog = await call('catalog.create', { fileName: 'Public Works', department: { name: 'Public Works', code: 'PW', contactName: 'Ana Ruiz', contactEmail: 'ana@city.example' } });
  const center = await call('centers.create', CENTER_PROFILE);
  const item = await call('schedule.create', { itemNumber: 'GS 1010', title: 'Building permits', retentionText: 'CY+3', rule: { kind: 'period', years: 3, trigger: 'calendar-year' } });
  const box = await call('boxes.create', { label: 'PW-001' });
  await call('folders.create', { boxId: box.id, folder: { title: 'Oak Street permits', scheduleItemId: item.id, beginDate: '2018', endDate: '2019' } });
  await call('folders.create', { boxId: box.id, folder: { title: 'Elm Street inspections', scheduleItemId: item.id, beginDate: '2018', endDate: '2019' } });
  const transfer = await call('transfers.create', { recordsCenterId: center.id });
  await call('transfers.addBoxes', { id: transfer.id, boxIds: [box.id] });
  const started = await sendAndPackage(call, transfer.id, workspaceDir);

  const centerCatalog = await call('catalog.create', { fileName: 'City Records Center', department: { name: 'City Records Center' }, role: 'records-center' });
  const { accession } = await call('center.intake', { file: { path: started.zip } });
  const detail = await call('center.accession.get', { id: accession.id });
  await call('center.checkIn', { accessionId: accession.id, boxes: detail.boxes.map((each) => ({ box: each.boxCode!, status: 'received' as const })) });
  await call('center.addLocations', { building: 'A', rows: { from: 1, to: 1 }, bays: { from: 1, to: 1 }, shelves: { from: 1, to: 1 }, positionsPerShelf: 2, capacityCubicFeet: 1.5 });
  await call('center.accession', { accessionId: accession.id, locations: 'auto' });
  const acknowledgment = await call('center.acknowledge', { accessionId: accession.id, outDir: workspaceDir });

  await call('catalog.open', { path: departmentCatalog.path });
  await call('acknowledgments.import', { file: { path: acknowledgment.path } });
  return { box, departmentPath: departmentCatalog.path, centerPath: centerCatalog.path, accessionNumber: accession.accessionNumber };
}

it('asks for a folder back from the search results and sees it checked out once the center’s update is taken in', async () => {
  const { call, workspaceDir } = web.app;
  const { box, departmentPath, centerPath, accessionNumber } = await sentAndAcknowledged();
  await web.load();
  const page = web.page;

  // The Requests back screen starts by teaching where requests come from.
  const retrievals = new RetrievalsPage(page);
  await retrievals.goTo();
  expect(await retrievals.emptyState.innerText()).toContain('Find a folder in the Catalog and choose Request back');

  // Search by a word of the title: the result shows where the folder is, and the word is marked.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog', exact: true }).click();
  const catalog = new CatalogPage(page);
  await catalog.heading.waitFor();
  await catalog.show('Folders');
  await catalog.typeSearch('Oak');
  expect(await catalog.countText()).toBe('1 folder matches');
  const header = await catalog.foldersGrid.getByRole('columnheader').allInnerTexts();
  const whereColumn = header.indexOf('Where now') + 1;
  expect(whereColumn).toBeGreaterThan(0);
  expect((await catalog.columnTexts(catalog.foldersGrid, whereColumn))[0]).toMatch(/^At records center since \d{4}-\d{2}-\d{2}$/);
  expect(await catalog.foldersGrid.locator('mark').allInnerTexts()).toEqual(['Oak']);
  expect(await catalog.foldersGrid.getByRole('gridcell', { name: 'Oak Street permits' }).count()).toBe(1);

  // Request back, in one step: the dialog quotes the folder as the center will read it, offers the center's services.
  await page.getByRole('button', { name: 'Request back folder “Oak Street permits”' }).click();
  const dialog = new RequestBackDialog(page);
  await dialog.waitForOptions();
  const quoted = await dialog.quoted.innerText();
  expect(quoted).toContain(`Accession ${accessionNumber}`);
  expect(quoted).toContain('box PW-001');
  expect(quoted).toContain('folder 1 “Oak Street permits”');
  expect(await dialog.service('One folder returned on loan').count()).toBe(1);
  expect(await dialog.service('A copy or scan').count()).toBe(1);
  expect(await dialog.dialog.getByRole('radio', { name: /whole box/ }).count(), 'a box loan is not offered for a folder').toBe(0);
  expect(await dialog.dueBy.innerText()).toMatch(/due by \d{4}-\d{2}-\d{2}\.$/);
  expect(await dialog.dialog.innerText()).toContain('Email the accession and box number.');
  const { serious } = await checkAccessibility(page, 'Request back dialog');
  expect(serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);

  await dialog.service('One folder returned on loan').check();
  await dialog.dialog.getByLabel('Who needs it').fill('the permits clerk');
  await dialog.dialog.getByLabel('Deliver to').fill('Room 204, City Hall');
  const requested = await dialog.send();
  expect(requested.number).toMatch(/^PW-RQ-\d{4}-\d{4}$/);
  expect(requested.dueBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await dialog.dialog.getByRole('button', { name: /Download the request file/ }).waitFor();
  await dialog.close();

  // The Requests back screen lists it, not yet taken in by the center.
  await retrievals.goTo();
  const row = retrievals.row(requested.number);
  await row.waitFor();
  expect(await row.innerText()).toContain('Requested (not yet taken in by the center)');
  expect(await row.innerText()).toContain('Oak Street permits');
  const listCheck = await checkAccessibility(page, 'Requests back');
  expect(listCheck.serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);

  // The center takes the request in, pulls the folder, checks it out and writes an update.
  await page.goto('about:blank');
  await call('catalog.open', { path: centerPath });
  const requestFile = await findFile(workspaceDir, `${requested.number}-retrieval-request.json`);
  const { request } = await call('center.requests.import', { file: { path: requestFile } });
  await call('center.request.record', { id: request.id, action: 'pull' });
  await call('center.request.record', { id: request.id, action: 'checkout', to: 'the permits clerk', dueBack: '2030-01-15' });
  const update = await call('center.request.writeUpdate', { id: request.id, outDir: workspaceDir });
  await call('catalog.open', { path: departmentPath });

  // The department takes the update in: the list says who has it and until when.
  await web.load();
  await retrievals.goTo();
  expect(await retrievals.takeInUpdate(update.path)).not.toBe('');
  const updated = retrievals.row(requested.number);
  await updated.filter({ hasText: 'checked out to the permits clerk' }).waitFor();
  expect(await updated.innerText()).toContain('checked out to the permits clerk, due back 2030-01-15');

  // The request's own page: what was asked and where the folder is now.
  await updated.getByRole('link', { name: requested.number }).click();
  await page.getByRole('heading', { level: 1, name: `Request ${requested.number}` }).waitFor();
  await waitForReady(page);
  expect(await page.getByRole('table', { name: 'Items asked for' }).innerText()).toMatch(/Checked out to the permits clerk, due back 2030-01-15/);
  expect(await page.getByRole('list', { name: 'Updates taken in' }).getByRole('listitem').count()).toBe(1);
  const pageCheck = await checkAccessibility(page, 'A request back');
  expect(pageCheck.serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);

  // The box page says where the box is, and that the folder is out of it.
  await page.goto(`${new URL(page.url()).origin}/#/catalog/box/${box.id}`);
  await page.getByRole('heading', { level: 1, name: 'Box PW-001' }).waitFor();
  await waitForReady(page);
  expect(await page.locator('[data-where-now]').innerText()).toMatch(/^Where now: .*City Records Center/);
  const away = await page.getByRole('list', { name: 'Folders out of this box' }).innerText();
  expect(away).toContain('Folder 1 “Oak Street permits”');
  expect(away).toMatch(/checked out to the permits clerk.*due back 2030-01-15/);

  // The whole box is asked for from its page: not while its folder's request is open, and the dialog says why.
  await page.getByRole('button', { name: 'Request back…' }).click();
  const boxDialog = new RequestBackDialog(page);
  await boxDialog.dialog.getByRole('heading', { name: 'Request back 1 box' }).waitFor();
  await boxDialog.sendButton.waitFor();
  await waitForReady(page);
  expect(await boxDialog.blocked.innerText()).toBe(`Box PW-001: it is already on request ${requested.number}, still open`);
  expect(await boxDialog.sendButton.isDisabled()).toBe(true);
  await boxDialog.dialog.getByRole('button', { name: 'Cancel' }).click();
  await boxDialog.dialog.waitFor({ state: 'detached' });

  // The center takes the folder back and re-files it; the department takes that update in and sees it home.
  await page.goto('about:blank');
  await call('catalog.open', { path: centerPath });
  await call('center.request.record', { id: request.id, action: 'return' });
  await call('center.request.record', { id: request.id, action: 'refile' });
  const home = await call('center.request.writeUpdate', { id: request.id, outDir: join(workspaceDir, 'second') });
  await call('catalog.open', { path: departmentPath });
  await web.load();
  await retrievals.goTo();
  await retrievals.takeInUpdate(home.path);
  await page.goto(`${new URL(page.url()).origin}/#/catalog/box/${box.id}`);
  await page.getByRole('heading', { level: 1, name: 'Box PW-001' }).waitFor();
  await waitForReady(page);
  expect(await page.getByRole('list', { name: 'Folders out of this box' }).count(), 'nothing of the box is out any more').toBe(0);
  expect(await page.locator('[data-where-now]').innerText()).toMatch(/^Where now: .*City Records Center/);
  const folder = (await call('folders.list', { offset: 0, limit: 10, filter: { query: 'Oak' } })).rows[0];
  expect(folder.where.status).toBe('at-records-center');
  expect(folder.where.request).toBeNull();
});
