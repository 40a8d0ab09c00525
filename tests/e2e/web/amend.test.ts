// A correction after sending, made in the browser: the sent box stays read-only, the correction is recorded with
// its reason, listed on the transfer against the value as sent, and written as a file for the records center.
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { setupWebTests } from '../support/fixtures';
import { ELIGIBLE_REASON, transferReadyToSend } from '../support/department';
import { waitForReady } from '../support/browser';
import { checkAccessibility } from '../support/axe';
import { AppShell } from '../pages/app-shell';
import { TransfersPage } from '../pages/transfers-page';

const web = setupWebTests();

it('corrects a sent folder through an amendment and lists it on the transfer', async () => {
  const { call } = web.app;
  const { box, transfer } = await transferReadyToSend(call);
  const sent = await call('transfers.send', { id: transfer.id, eligibleReason: ELIGIBLE_REASON });

  await web.load();
  const page = web.page;
  await page.goto(`${new URL(page.url()).origin}/#/catalog/box/${box.id}`);
  await page.getByRole('heading', { level: 1, name: 'Box PW-001' }).waitFor();
  expect(await page.locator('[data-box-locked]').innerText()).toContain('sent to City Records Center');
  await page.getByRole('button', { name: 'Correct after sending…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Correct box PW-001 after sending' });
  await dialog.getByLabel('What to correct').selectOption({ label: 'Folder 1: Oak Street permits' });
  expect(await dialog.getByLabel('Corrected value').inputValue()).toBe('Oak Street permits');
  await dialog.getByLabel('Corrected value').fill('Oak Street permits (1 of 2)');
  await dialog.getByLabel('Why it is corrected').fill('The folder label inside says 1 of 2');
  const { serious } = await checkAccessibility(page, 'Correct after sending dialog');
  expect(serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);
  await dialog.getByRole('button', { name: 'Record the correction' }).click();
  await page.getByText(/Corrected after sending: folder title of “Oak Street permits”/).waitFor();
  await waitForReady(page);

  await new AppShell(page).goTo('Transfers', 'Transfers');
  await new TransfersPage(page).open(transfer.number);
  const list = page.getByRole('region', { name: 'Corrected after sending' });
  await list.waitFor();
  expect(await list.innerText()).toContain('Box PW-001 (1), folder 1 “Oak Street permits”: title “Oak Street permits” → “Oak Street permits (1 of 2)”');
  expect(await list.innerText()).toContain('The folder label inside says 1 of 2');
  await list.getByRole('button', { name: 'Write the corrections for the records center' }).click();
  const path = await list.locator('code.package-path').innerText();
  const file = JSON.parse(await readFile(path, 'utf8'));
  expect(file.transfer).toEqual({ number: transfer.number, manifestFingerprint: sent.fingerprint });
  expect((await call('transfers.get', { id: transfer.id })).fingerprint).toBe(sent.fingerprint);
});
