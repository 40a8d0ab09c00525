// A records center's catalog: chosen when the catalog is made, it shows the center's own screens (not the
// department's), and its first screen checks a package a department sent, uploaded from the browser.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { zipDirectory } from '../../../electron/exchange/zip';
import { setupWebTests } from '../support/fixtures';
import { transferReadyToSend, sendAndPackage } from '../support/department';
import { waitForReady } from '../support/browser';
import { checkAccessibility } from '../support/axe';

const web = setupWebTests();

/** A department sends a one-box transfer and packages it: the zip a center would receive, and its bag folder. */
async function departmentPackage(): Promise<{ zip: string; folder: string; number: string }> {
  const { call } = web.app;
  const { transfer } = await transferReadyToSend(call);
  const started = await sendAndPackage(call, transfer.id);
  await call('catalog.close', {});
  return { zip: started.zip, folder: started.folder, number: transfer.number };
}

it('makes a records center catalog that opens on its own screens and checks an uploaded package', async () => {
  const sent = await departmentPackage();
  await web.load();
  const page = web.page;
  await page.getByRole('radio', { name: /A records center/ }).check();
  await page.getByLabel('Records center name').fill('City Records Center');
  await page.getByRole('button', { name: 'Create a catalog' }).click();
  await page.getByRole('heading', { level: 1, name: 'Packages received' }).waitFor();
  await waitForReady(page);
  expect((await web.app.call('app.status', {})).catalog?.role).toBe('records-center');
  const links = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
  expect(links).toEqual(['Packages received', 'Accessions', 'Requests', 'Disposition', 'Legal holds', 'Holdings', 'Locations', 'Settings']);
  // A department screen asked for by address shows the center's first screen instead.
  await page.goto(`${new URL(page.url()).origin}/#/transfers`);
  await page.getByRole('heading', { level: 1, name: 'Packages received' }).waitFor();

  await page.getByLabel('Transfer package').setInputFiles(sent.zip);
  const verdict = page.getByText(/is complete and unchanged/);
  await verdict.waitFor();
  expect(await page.getByText(`Transfer ${sent.number}`).isVisible()).toBe(true);

  // The same package with one file changed after it was sealed: the check names the file.
  const scratch = await mkdtemp(join(tmpdir(), 'transmittal-e2e-tampered-'));
  try {
    const copy = join(scratch, sent.number);
    await cp(sent.folder, copy, { recursive: true });
    await writeFile(join(copy, 'data', 'manifest.csv'), 'Box,Folder\nPW-001,Something else\n');
    await zipDirectory(copy, join(scratch, 'tampered.zip'));
    await page.getByLabel('Transfer package').setInputFiles(join(scratch, 'tampered.zip'));
    await page.getByText(/tampered\.zip did not pass the check/).waitFor();
    expect(await page.getByRole('list', { name: 'Problems' }).innerText()).toContain('data/manifest.csv');
    const { serious } = await checkAccessibility(page, 'Packages received, with problems listed');
    expect(serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  await page.getByRole('link', { name: 'Settings' }).click();
  expect(await page.getByRole('heading', { level: 2, name: 'Records center profile' }).isVisible()).toBe(true);
  expect(await page.getByLabel('Records center name').inputValue()).toBe('City Records Center');
});
