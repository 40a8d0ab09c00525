// Electronic records added to a draft transfer from the browser: uploaded once, read for their checksums, listed
// on the transfer, removable, and carried into the package's data/records/ folder.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { AppShell } from '../pages/app-shell';
import { TransfersPage } from '../pages/transfers-page';
import { setupWebTests } from '../support/fixtures';
import { departmentWithCenter } from '../support/department';

const web = setupWebTests();

it('adds electronic records to a draft transfer, lists them with checksums, and removes one', async () => {
  const { call } = web.app;
  const center = await departmentWithCenter(call);
  const transfer = await call('transfers.create', { recordsCenterId: center.id });
  const scratch = await mkdtemp(join(tmpdir(), 'transmittal-e2e-files-'));
  try {
    await writeFile(join(scratch, 'Site plan.pdf'), '%PDF-1.4 site plan');
    await writeFile(join(scratch, 'Minutes 2019.docx'), 'minutes');
    await web.load();
    await new AppShell(web.page).goTo('Transfers', 'Transfers');
    await new TransfersPage(web.page).open(transfer.number);
    const section = web.page.getByRole('region', { name: 'Electronic records' });
    expect(await section.innerText()).toContain('No electronic records');
    await section.getByLabel('Add files').setInputFiles([join(scratch, 'Site plan.pdf'), join(scratch, 'Minutes 2019.docx')]);
    await section.getByRole('cell', { name: 'Site plan.pdf', exact: true }).waitFor();
    expect(await section.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^Minutes 2019\.docx\s+1 KB\s+[0-9a-f]{16}…/),
      expect.stringMatching(new RegExp(`^Site plan\\.pdf\\s+1 KB\\s+${createHash('sha256').update('%PDF-1.4 site plan').digest('hex').slice(0, 16)}…`)),
    ]);
    await section.getByRole('button', { name: 'Remove Minutes 2019.docx' }).click();
    await section.getByRole('cell', { name: 'Minutes 2019.docx', exact: true }).waitFor({ state: 'detached' });
    const { files } = await call('transfers.get', { id: transfer.id });
    expect(files.map((file) => file.relativePath)).toEqual(['records/Site plan.pdf']);
    expect(await readFile(files[0].sourcePath, 'utf8')).toBe('%PDF-1.4 site plan');
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
});
