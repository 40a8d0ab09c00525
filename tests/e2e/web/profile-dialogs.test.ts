// The add/edit dialogs of the retention schedule and the records centers: a form that fails its own check says so
// and puts the cursor on the first field to fix; what the core refuses is shown beside the field it names; a good
// form saves, closes and shows up in the list.
import { expect, it } from 'vitest';
import { AppShell } from '../pages/app-shell';
import { setupWebTests } from '../support/fixtures';
import { focusedElementId } from '../support/in-page';

const web = setupWebTests();

async function openCatalog() {
  await web.app.call('catalog.create', { fileName: 'Dialogs', department: { name: 'Public Works' } });
  await web.load();
  return new AppShell(web.page);
}

const focusedId = () => web.page.evaluate(focusedElementId);

it('adds a schedule item: refuses an empty form, shows a duplicate item number beside its field, then saves', async () => {
  const shell = await openCatalog();
  await web.app.call('schedule.create', { itemNumber: 'GS 1010', title: 'Building permits', rule: { kind: 'permanent' } });
  await shell.goTo('Schedule', 'Retention schedule');
  await web.page.getByRole('button', { name: 'Add schedule item' }).click();
  const dialog = web.page.getByRole('dialog');
  await dialog.waitFor();

  await dialog.getByRole('button', { name: 'Save' }).click();
  expect(await dialog.getByRole('alert').innerText()).toContain('Some fields need attention before this item can be saved');
  expect(await focusedId()).toBe('schedule-item-itemNumber');

  await dialog.getByLabel('Item number').fill('gs 1010');
  await dialog.getByLabel('Series title').fill('Permit inspections');
  await dialog.getByLabel('Retention as written').fill('CY+3');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const beside = dialog.locator('#schedule-item-itemNumber-error');
  await beside.waitFor();
  expect(await beside.innerText()).toContain('is already in your schedule (Building permits)');
  expect(await focusedId()).toBe('schedule-item-itemNumber');

  await dialog.getByLabel('Item number').fill('GS 1011');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await web.page.locator('.schedule-table').getByText('GS 1011', { exact: true }).first().waitFor();
  const saved = (await web.app.call('schedule.list', {})).find((item) => item.itemNumber === 'GS 1011');
  expect(saved).toMatchObject({ title: 'Permit inspections', retentionText: 'CY+3', rule: { kind: 'period', years: 3, trigger: 'calendar-year' } });
});

it('adds a records center: refuses a nameless one with the cursor on Name, then saves it', async () => {
  const shell = await openCatalog();
  await shell.goTo('Records Center', 'Records centers');
  await web.page.getByRole('button', { name: 'Add records center' }).first().click();
  const dialog = web.page.getByRole('dialog');
  await dialog.waitFor();

  await dialog.getByRole('button', { name: 'Save' }).click();
  expect(await dialog.getByRole('alert').innerText()).toContain('Some fields need attention before this records center can be saved');
  expect(await focusedId()).toBe('center-name');

  await dialog.getByLabel('Name', { exact: true }).fill('State Records Center');
  await dialog.getByLabel('Address').fill('1 Archive Way, Capital City');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await web.page.locator('.center-card').getByText('State Records Center').first().waitFor();
  expect((await web.app.call('centers.list', {})).map((center) => center.name)).toEqual(['State Records Center']);
});
