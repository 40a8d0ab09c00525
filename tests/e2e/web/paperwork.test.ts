// "Paperwork kept" at the bottom of a department's Disposition screen: with nothing exchanged it says what will be
// kept and for how long; with two transfers sent it lists both manifests, a search by a box label or a transfer
// number narrows the list, and the years setting refuses a value out of range in words and saves a good one.
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { checkAccessibility } from '../support/axe';
import { waitForReady } from '../support/browser';
import { departmentWithCenter, ELIGIBLE_REASON, transferReadyToSend } from '../support/department';
import { setupWebTests } from '../support/fixtures';
import { DispositionPage } from '../pages/disposition-page';

const web = setupWebTests();

/** The panel, named the way it announces itself. */
class PaperworkPanel {
  readonly region: Locator;
  readonly table: Locator;
  readonly search: Locator;
  readonly years: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Paperwork kept' });
    this.table = this.region.getByRole('table', { name: 'Paperwork kept' });
    this.search = this.region.getByRole('searchbox', { name: 'Search the paperwork' });
    this.years = this.region.getByRole('spinbutton', { name: 'Years kept after the records are destroyed' });
    this.save = this.region.getByRole('button', { name: 'Save', exact: true });
  }

  /** Each row's number cell, in order. */
  async numbers(): Promise<string[]> {
    return this.table.locator('tbody th').allInnerTexts();
  }

  async searchFor(words: string): Promise<void> {
    await this.search.fill(words);
    await waitForReady(this.page);
  }

  async saveYears(value: string): Promise<void> {
    await this.years.fill(value);
    await this.save.click();
    await waitForReady(this.page);
  }
}

async function openPanel(): Promise<PaperworkPanel> {
  await web.load();
  await new DispositionPage(web.page).goTo();
  const panel = new PaperworkPanel(web.page);
  await panel.region.getByRole('heading', { level: 2, name: 'Paperwork kept' }).waitFor();
  return panel;
}

it('says what it will keep, and for how long, before anything is exchanged', async () => {
  await departmentWithCenter(web.app.call);
  const panel = await openPanel();
  expect(await panel.region.innerText()).toContain(
    'Every manifest, acknowledgment, notice, response and certificate is kept here, also after the records are destroyed, for 6 years.',
  );
  expect(await panel.table.count()).toBe(0);
  expect(await panel.years.inputValue()).toBe('6');
});

it('lists the manifests of sent transfers, narrows them by a search, and saves the years', async () => {
  const { call } = web.app;
  const { center, transfer: first } = await transferReadyToSend(call);
  await call('transfers.send', { id: first.id, eligibleReason: ELIGIBLE_REASON });
  const [item] = await call('schedule.list', {});
  const box = await call('boxes.create', { label: 'PW-002' });
  await call('folders.create', { boxId: box.id, folder: { title: 'Elm Street permits', scheduleItemId: item!.id, beginDate: '2018', endDate: '2019' } });
  const second = await call('transfers.create', { recordsCenterId: center.id });
  await call('transfers.addBoxes', { id: second.id, boxIds: [box.id] });
  await call('transfers.send', { id: second.id, eligibleReason: ELIGIBLE_REASON });
  const [one, two] = [await call('transfers.get', { id: first.id }), await call('transfers.get', { id: second.id })];

  const panel = await openPanel();
  await panel.table.waitFor();
  expect((await panel.numbers()).sort()).toEqual([one.number, two.number].sort());
  const row = panel.table.getByRole('row').filter({ has: web.page.getByRole('rowheader', { name: one.number, exact: true }) });
  const cells = await row.locator('td').allInnerTexts();
  expect(cells[0]).toBe('Manifest');
  expect(cells[1]).toBe(`Transfer ${one.number} to City Records Center: 1 box (PW-001)`);
  expect(cells[3]).toBe('Kept while the records exist');
  // The fingerprint is shortened on screen; the whole of it is in the title.
  expect(cells[4]).toBe(`${one.fingerprint!.slice(0, 12)}…`);
  expect(await row.locator('code').getAttribute('title')).toBe(one.fingerprint);

  // A box label narrows the list to the transfer that carried it; so does a transfer number.
  await panel.searchFor('PW-002');
  expect(await panel.numbers()).toEqual([two.number]);
  expect(await panel.region.getByRole('status').innerText()).toBe('1 document matches “PW-002”.');
  await panel.searchFor(one.number);
  expect(await panel.numbers()).toEqual([one.number]);
  await panel.searchFor('zebra');
  expect(await panel.table.count()).toBe(0);
  expect(await panel.region.getByRole('status').innerText()).toBe('No paperwork matches “zebra”.');
  await panel.searchFor('');
  expect(await panel.numbers()).toHaveLength(2);

  const check = await checkAccessibility(web.page, 'Paperwork kept');
  expect(check.serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);

  // The years: a value out of range is refused in words and not saved; a good one is saved and shown.
  expect(await panel.years.inputValue()).toBe('6');
  await panel.saveYears('0');
  expect(await panel.region.getByRole('alert').innerText()).toBe('Keep paperwork for a whole number of years from 1 to 100 (not “0”).');
  expect((await call('paperwork.list', { query: '', limit: 1 })).years).toBe(6);
  await panel.saveYears('10');
  expect(await panel.region.getByRole('alert').count()).toBe(0);
  expect(await panel.region.locator('form [role="status"]').innerText()).toBe(
    'Saved: paperwork is now kept 10 years after the last of its records is destroyed.',
  );
  expect(await panel.years.inputValue()).toBe('10');
  expect(await panel.region.innerText()).toContain('Now 10 years.');
  expect((await call('paperwork.list', { query: '', limit: 1 })).years).toBe(10);
});
