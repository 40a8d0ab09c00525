// The records center's side in the browser, one round trip: a department's package is taken in, checked in box by
// box with the scanner field (one box missing, one extra), shelved in locations set up in bulk, and acknowledged;
// the department's catalog takes the acknowledgment in and shows where its box is and what did not match.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { Jobs } from '../../../electron/runtime/jobs';
import { importAcknowledgment } from '../../../electron/transfer/acknowledgment-import';
import { startPackage } from '../../../electron/transfer/package-transfer';
import { sendTransfer } from '../../../electron/transfer/send-transfer';
import { getTransferDetail } from '../../../electron/transfer/transfer-detail';
import { addBoxes, createTransfer } from '../../../electron/transfer/transfer-store';
import { getBox } from '../../../electron/catalog/box-store';
import { FIXED_NOW, transferCatalog } from '../../unit/transfer/transfer-fixtures';
import { setupWebTests } from '../support/fixtures';
import { waitForReady } from '../support/browser';
import { checkAccessibility } from '../support/axe';
import { AppShell } from '../pages/app-shell';

const web = setupWebTests();
const scratch = mkdtemp(join(tmpdir(), 'transmittal-center-e2e-'));
afterAll(async () => rm(await scratch, { recursive: true, force: true }));

it('takes in a package, checks it in with a scanner, shelves, acknowledges, and the department takes the acknowledgment in', async () => {
  // The department, in its own catalog: three boxes sent and packaged.
  const department = await transferCatalog({ boxes: 3 });
  const transfer = createTransfer(department.context, { recordsCenterId: department.centerId, notes: '' });
  addBoxes(department.context, { id: transfer.id, all: true });
  const sent = await sendTransfer(department.context, transfer.id, 'The boxes are evidence in an open appeal');
  const jobs = new Jobs();
  const packaged = await startPackage(department.context, transfer.id, { outDir: await scratch, jobs, clock: () => FIXED_NOW, appVersion: '9.9.9' });
  await jobs.wait(packaged.jobId);

  // The center, in the browser.
  await web.app.call('catalog.create', { fileName: 'City Records Center', department: { name: 'City Records Center' }, role: 'records-center' });
  await web.load();
  const page = web.page;
  await page.getByRole('heading', { level: 1, name: 'Packages received' }).waitFor();
  await page.getByLabel('Transfer package').setInputFiles(packaged.zip);
  await page.getByText(/is complete and unchanged/).waitFor();
  await page.getByRole('button', { name: 'Take in as a new accession' }).click();
  const heading = page.getByRole('heading', { level: 1, name: /^Accession / });
  await heading.waitFor();
  const accessionNumber = (await heading.innerText()).replace('Accession ', '');

  // Scan boxes 1 and 3 (a scanner types the barcode and Enter); box 2 is missing; one box came that is not listed.
  const scanner = page.getByLabel('Box barcode or number');
  for (const code of [`${sent.number}-001`, `${sent.number}-003`]) {
    await scanner.fill(code);
    await scanner.press('Enter');
    await page.getByRole('status').filter({ hasText: /still to check in/ }).filter({ hasText: code }).waitFor();
  }
  // Scanning a box twice records nothing new.
  await scanner.fill(`${sent.number}-001`);
  await scanner.press('Enter');
  await page.getByRole('status').filter({ hasText: `${sent.number}-001` }).waitFor();
  await page.getByRole('button', { name: 'Box 2 is missing' }).click();
  await page.getByRole('button', { name: 'A box not on the manifest…' }).click();
  const extra = page.getByRole('dialog', { name: 'A box not on the manifest' });
  await extra.getByLabel('What is written on it').fill('PW misc 2019');
  await extra.getByRole('button', { name: 'Record' }).click();
  // A look inside box 1: its second folder is not there.
  const inside = page.getByRole('form', { name: 'Inside a box' });
  await inside.getByLabel('Folder number on the list').fill('2');
  await inside.getByLabel('In your words').fill('The slot is empty.');
  await inside.getByRole('button', { name: 'Record' }).click();
  await inside.getByRole('status').filter({ hasText: 'Box 1 (PW-001): Folder 2 “Oak Street permits 1.2” is listed but was not in the box. The slot is empty.' }).waitFor();
  const discrepancies = page.getByRole('list', { name: 'Discrepancies' });
  await discrepancies.getByText(/PW misc 2019/).waitFor();
  await discrepancies.getByText(/Folder 2 “Oak Street permits 1\.2”/).waitFor();
  expect((await discrepancies.getByRole('listitem').allInnerTexts()).join('\n')).toMatch(/Box 2 of 3[\s\S]*PW misc 2019[\s\S]*Folder 2/);
  const { serious } = await checkAccessibility(page, 'Accession check-in');
  expect(serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);
  await waitForReady(page);

  // Shelves, set up in bulk on the Locations screen.
  await new AppShell(page).goTo('Locations', 'Locations');
  await page.getByLabel('Rows').fill('1');
  await page.getByLabel('Bays').fill('1');
  await page.getByLabel('Shelves').fill('1-2');
  await page.getByLabel('Positions a shelf').fill('2');
  await page.getByRole('button', { name: 'Add positions' }).click();
  await page.getByText('Added 4 positions.').waitFor();

  await new AppShell(page).goTo('Accessions', 'Accessions');
  await page.getByRole('link', { name: accessionNumber }).click();
  await page.getByRole('table', { name: 'Suggested locations' }).waitFor();
  await page.getByRole('button', { name: /^Number and shelve 3 boxes$/ }).click();
  await page.getByRole('heading', { name: 'Acknowledge to the department' }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Write the acknowledgment' }).click()]);
  expect(download.suggestedFilename()).toBe(`${sent.number}-acknowledgment.json`);
  const acknowledgmentPath = join(await scratch, 'acknowledgment.json');
  await download.saveAs(acknowledgmentPath);
  const [receipt] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the acknowledgment receipt (PDF)' }).click()]);
  expect(receipt.suggestedFilename()).toBe(`${sent.number}-acknowledgment.pdf`);

  // Everything held, searched at once.
  await new AppShell(page).goTo('Holdings', 'Holdings');
  await page.getByLabel('Search every department’s folders and boxes').fill('Oak Street');
  await page.getByRole('button', { name: 'Search' }).click();
  const hits = page.getByRole('table', { name: 'Folders held' });
  await hits.waitFor();
  expect(await hits.innerText()).toMatch(/Oak Street permits 1\.1[\s\S]*Building A \/ Row 1 \/ Bay 1 \/ Shelf 1 \/ Position 1[\s\S]*accession /);

  // The department takes it in: box 1 is on a shelf with the center's number, box 2 is reported missing.
  const result = importAcknowledgment(department.context, new Uint8Array(await readFile(acknowledgmentPath)), 'acknowledgment.json');
  expect(result).toMatchObject({ accessionNumber, alreadyImported: false });
  expect(getTransferDetail(department.context, transfer.id).status).toBe('accessioned');
  expect(getBox(department.context, department.boxes.get('PW-001')!).atCenter).toMatch(new RegExp(`^at City Records Center, accession ${accessionNumber}, box \\S+, Building A / Row 1 / Bay 1 / Shelf 1 / Position 1$`));
  expect(getBox(department.context, department.boxes.get('PW-002')!).atCenter).toMatch(/^reported missing by/);
});
