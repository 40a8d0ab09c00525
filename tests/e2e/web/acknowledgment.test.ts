// The department takes in its records center's acknowledgment in the browser: the transfer page lists each box
// with the center's number and location and the discrepancy; the box page says where the box now is.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { setupWebTests } from '../support/fixtures';
import { ELIGIBLE_REASON, transferReadyToSend } from '../support/department';
import { waitForReady } from '../support/browser';
import { checkAccessibility } from '../support/axe';
import { acknowledgmentFor } from '../../unit/transfer/acknowledgment-fixtures';
import { AppShell } from '../pages/app-shell';
import { TransfersPage } from '../pages/transfers-page';

const web = setupWebTests();

it('takes in the acknowledgment and shows where each box is and what did not match', async () => {
  const { call } = web.app;
  const { box, transfer } = await transferReadyToSend(call);
  const sent = await call('transfers.send', { id: transfer.id, eligibleReason: ELIGIBLE_REASON });
  const manifestJson = web.app.session.current()!.db.get<{ manifest_json: string }>('SELECT manifest_json FROM transfer WHERE id = ?', [transfer.id])!.manifest_json;
  const file = join(web.app.workspaceDir, `${transfer.number}-acknowledgment.json`);
  await writeFile(file, JSON.stringify(acknowledgmentFor(JSON.parse(manifestJson), sent.fingerprint!, { extra: 'Box marked “PW misc”' })));

  await web.load();
  const page = web.page;
  await new AppShell(page).goTo('Transfers', 'Transfers');
  await new TransfersPage(page).open(transfer.number);
  const panel = page.getByRole('region', { name: 'From the records center' });
  await panel.getByLabel('Take in the center’s acknowledgment (the .json file it sent)').setInputFiles(file);
  await panel.getByRole('status').filter({ hasText: 'as accession PW-2026-0042' }).waitFor();
  await waitForReady(page);
  const table = panel.getByRole('table', { name: 'Boxes at the records center' });
  await table.waitFor();
  expect(await table.innerText()).toMatch(/1\. PW-001\s+Received\s+118\s+Building A \/ Row 3 \/ Bay 2 \/ Shelf 4 \/ Position 1/);
  expect(await panel.getByRole('note', { name: 'Discrepancies' }).innerText()).toContain('A box not on the manifest came with the transfer: “Box marked “PW misc””.');
  const { serious } = await checkAccessibility(page, 'Transfer page with an acknowledgment');
  expect(serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);

  await page.goto(`${new URL(page.url()).origin}/#/catalog/box/${box.id}`);
  await page.getByRole('heading', { level: 1, name: 'Box PW-001' }).waitFor();
  expect(await page.locator('[data-box-at-center]').innerText()).toBe(
    'Now at City Records Center, accession PW-2026-0042, box 118, Building A / Row 3 / Bay 2 / Shelf 4 / Position 1.',
  );
  // Its history, as both sides hold it: catalogued, sent, then what the center recorded, with who did it.
  const history = page.getByRole('list', { name: 'What happened to this box' });
  await history.getByRole('listitem').nth(3).waitFor();
  const entries = await history.getByRole('listitem').allInnerTexts();
  expect(entries[0]).toContain('Catalogued as box PW-001');
  expect(entries[1]).toContain(`Sent in ${transfer.number} (box 1)`);
  expect(entries[2]).toMatch(/Received by the records center: Checked in \(accession PW-2026-0042\) — Lee Park \(City Records Center\)/);
  expect(entries[3]).toMatch(/Shelved: Shelved at Building A \/ Row 3/);
});
