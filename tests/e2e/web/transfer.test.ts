// A transfer built in the browser: start it, choose boxes, read the check, mark it sent, create the package, and
// find on disk a bag that verifies, holding the manifest the page's fingerprint belongs to.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { verifyBag, withBagDirectory } from '../../../electron/exchange/bagit/verify-bag';
import { AppShell } from '../pages/app-shell';
import { BoxPage, COLUMN } from '../pages/box-page';
import { TransfersPage } from '../pages/transfers-page';
import { setupWebTests } from '../support/fixtures';

const web = setupWebTests();

/** A department with a complete records center profile, one schedule item, and three boxes of folders. */
async function catalogReadyForATransfer(): Promise<void> {
  const { call } = web.app;
  await call('catalog.create', {
    fileName: 'Public Works',
    department: { name: 'Public Works', code: 'PW', contactName: 'Ana Ruiz', contactEmail: 'ana@city.example' },
  });
  await call('centers.create', {
    name: 'State Records Center', address: '1 Archive Way', contactPhone: '555-0199', retrievalInstructions: 'Email the box number',
    turnaround: 'Next working day', turnaroundWorkingDays: 1,
    dispositionNoticeDays: 90, deliveryOptions: ['box-returned', 'scan-on-demand'], lossPolicy: 'Reported within one working day; recovery at the center’s cost.',
  });
  const item = await call('schedule.create', {
    itemNumber: 'GS 1010', title: 'Building permits', retentionText: 'CY+3',
    rule: { kind: 'period', years: 3, trigger: 'calendar-year' },
  });
  for (const label of ['PW-001', 'PW-002', 'PW-003']) {
    const box = await call('boxes.create', { label });
    await call('folders.create', { boxId: box.id, folder: { title: `Oak Street permits ${label}`, scheduleItemId: item.id, beginDate: '2018', endDate: '2019' } });
    if (label === 'PW-002') await call('folders.create', { boxId: box.id, folder: { title: 'Miscellaneous', scheduleItemId: item.id, beginDate: '2019' } });
  }
}

it('builds, checks, sends and packages a transfer from the Transfers screen', async () => {
  await catalogReadyForATransfer();
  await web.load();
  const shell = new AppShell(web.page);
  await shell.goTo('Transfers', 'Transfers');
  const transfers = new TransfersPage(web.page);
  expect(await web.page.getByRole('heading', { name: 'No transfers yet' }).isVisible()).toBe(true);

  const transfer = await transfers.createTransfer('State Records Center');
  const number = await transfer.number();
  expect(number).toMatch(/^PW-\d{4}-001$/);
  expect(await transfer.status.innerText()).toBe('Draft');
  expect(await transfer.errors.getAttribute('role')).toBe('alert');
  expect(await transfer.errors.innerText()).toContain('This transfer has no boxes yet.');
  expect(await transfer.markSentButton.isDisabled()).toBe(true);

  await transfer.addBoxes('PW-003');
  expect(await transfer.boxes.count()).toBe(1);
  expect(await transfer.status.innerText()).toBe('Ready to send');
  await transfer.addAll();
  expect(await transfer.notice.innerText()).toBe('Added 2 boxes.');
  expect(await transfer.boxes.allInnerTexts()).toEqual([
    expect.stringMatching(/^\s*1 of 3\s+PW-003/),
    expect.stringMatching(/^\s*2 of 3\s+PW-001/),
    expect.stringMatching(/^\s*3 of 3\s+PW-002/),
  ]);
  expect(await transfer.errors.count()).toBe(0);
  const warning = transfer.warnings.getByRole('link', { name: /“Miscellaneous” in box PW-002 has a vague title/ });
  expect(await warning.isVisible()).toBe(true);

  // A warning opens the box it is about; back on Transfers, the transfer is one click away in the list.
  await warning.click();
  await web.page.getByRole('heading', { level: 1, name: 'Box PW-002', exact: true }).waitFor();
  await shell.goTo('Transfers', 'Transfers');
  const again = await transfers.open(number);

  // Its boxes' records were due for destruction in 2023: sending them asks why, once, and the receipt prints it.
  expect(await again.markSentButton.isDisabled()).toBe(true);
  await web.page.getByLabel(/already eligible for destruction/).fill('The permits are evidence in an open appeal');
  const explanation = await again.markSent();
  expect(explanation).toContain('freezes the manifest');
  expect(explanation).toContain('cannot be undone');
  expect(await again.notice.innerText()).toContain(`Transfer ${number} is marked as sent.`);
  expect(await again.addAllButton.count()).toBe(0);
  const fingerprintShown = await web.page.locator('.transfer-facts .fingerprint').innerText();
  expect(fingerprintShown).toMatch(/^[0-9a-f]{64}$/);

  const written = await again.createPackage();
  expect(written.folder).toBe(join(web.app.workspaceDir, 'Transfers', number));
  expect(written.zip).toBe(`${written.folder}.zip`);
  expect(written.fingerprint).toBe(fingerprintShown);
  expect(existsSync(written.zip)).toBe(true);
  const report = await verifyBag(written.folder);
  expect(report.errors).toEqual([]);
  expect(await readFile(join(written.folder, 'bag-info.txt'), 'utf8')).toContain(`Manifest-Fingerprint: ${fingerprintShown}\n`);
  const manifest = JSON.parse(await readFile(join(written.folder, 'data', 'manifest.json'), 'utf8'));
  expect(manifest.transfer.eligibleReason).toBe('The permits are evidence in an open appeal');
  expect(manifest.boxes.map((box: { eligibleWhenSent: boolean }) => box.eligibleWhenSent)).toEqual([true, true, true]);
  expect(manifest.boxes.map((box: { label: string }) => box.label)).toEqual(['PW-003', 'PW-001', 'PW-002']);

  // The browser gets the same zip as a download: a bag on its own, holding this transfer's manifest.
  const downloads = await mkdtemp(join(tmpdir(), 'transmittal-e2e-download-'));
  try {
    const downloaded = await again.downloadPackage(downloads);
    expect(downloaded.fileName).toBe(`${number}.zip`);
    expect(await readFile(downloaded.path)).toEqual(await readFile(written.zip));
    const downloadedReport = await verifyBag(downloaded.path);
    expect(downloadedReport.errors).toEqual([]);
    expect(downloadedReport.valid).toBe(true);
    const downloadedManifest = await withBagDirectory(downloaded.path, async (root) => JSON.parse(await readFile(join(root, 'data', 'manifest.json'), 'utf8')));
    expect(downloadedManifest.transfer.number).toBe(number);
  } finally {
    await rm(downloads, { recursive: true, force: true });
  }

  const sentBoxes = (await web.app.call('boxes.list', { filter: { query: '' } })).rows;
  expect(sentBoxes.map((box) => box.status)).toEqual(['in-transit', 'in-transit', 'in-transit']);

  // A sent box is shown as sent and read-only: no delete, no adding or deleting folders, and typing edits nothing.
  const sentBox = sentBoxes[0];
  const boxPage = await BoxPage.open(web.page, sentBox.id, sentBox.label);
  const locked = web.page.locator('[data-box-locked]');
  expect(await locked.innerText()).toContain(`in ${number}. It and its folders are kept exactly as sent`);
  expect(await web.page.getByRole('button', { name: 'Delete box', exact: true }).count()).toBe(0);
  expect(await boxPage.addFolderButton.count()).toBe(0);
  expect(await boxPage.grid.getAttribute('aria-readonly')).toBe('true');
  const firstTitle = boxPage.folderCell(1, COLUMN.title);
  const before = await firstTitle.innerText();
  await firstTitle.click();
  await web.page.keyboard.type('Changed after sending');
  await web.page.keyboard.press('Enter');
  expect(await firstTitle.innerText()).toBe(before);
  const [stored] = (await web.app.call('folders.list', { filter: { boxId: sentBox.id } })).rows;
  expect(stored.title).toBe(before);
});
