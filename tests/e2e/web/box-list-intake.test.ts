// A records center takes in a box list from a department that does not use Transmittal, in the browser.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { setupWebTests } from '../support/fixtures';
import { checkAccessibility } from '../support/axe';

const web = setupWebTests();

it('takes a plain box list in as an accession for the department named', async () => {
  const scratch = await mkdtemp(join(tmpdir(), 'transmittal-box-list-'));
  try {
    const list = join(scratch, 'clerk boxes.csv');
    await writeFile(list, 'Box,Folder title,From,To\nC-1,Council minutes 2015,2015,2015\nC-1,Council minutes 2016,2016,2016\nC-2,Election returns,2016-11,2016-11\n');
    await web.app.call('catalog.create', { fileName: 'City Records Center', department: { name: 'City Records Center' }, role: 'records-center' });
    await web.load();
    const page = web.page;
    const form = page.getByRole('form', { name: 'A box list, from a department without Transmittal' });
    await form.waitFor();
    await form.getByLabel('Box list').setInputFiles(list);
    await form.getByLabel('Department').fill('City Clerk');
    await form.getByLabel('Its code (optional)').fill('CC');
    const { serious } = await checkAccessibility(page, 'Packages received with the box list form');
    expect(serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);
    await form.getByRole('button', { name: 'Take in the box list' }).click();
    await page.getByRole('heading', { level: 1, name: /^Accession CC-\d{4}-0001$/ }).waitFor();
    const boxes = page.getByRole('table', { name: 'Boxes of this accession' });
    expect(await boxes.innerText()).toMatch(/1\. C-1[\s\S]*2\. C-2/);
    expect(await page.getByText('box list clerk boxes.csv').count()).toBeGreaterThan(0);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
});
