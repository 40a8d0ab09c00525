// A real box list mixes series: the check refuses the box, the user re-boxes it by date from the box page (the
// new box joins the draft transfer), moves a folder to another box with "Move to box…", undoes the move, and
// drags another folder by its number onto a box.
import { expect, it } from 'vitest';
import { setupWebTests } from '../support/fixtures';
import { departmentWithCenter } from '../support/department';
import { waitForReady } from '../support/browser';
import { checkAccessibility } from '../support/axe';

const web = setupWebTests();

it('re-boxes a box mixing disposition dates, and moves a folder to another box', async () => {
  const { call } = web.app;
  const center = await departmentWithCenter(call);
  const permits = await call('schedule.create', { itemNumber: 'GS 1010', title: 'Building permits', retentionText: 'CY+3', rule: { kind: 'period', years: 3, trigger: 'calendar-year' } });
  const minutes = await call('schedule.create', { itemNumber: 'GS 2020', title: 'Council minutes', retentionText: 'Permanent', rule: { kind: 'permanent' }, disposition: 'archives' });
  const box = await call('boxes.create', { label: 'PW-001' });
  const spare = await call('boxes.create', { label: 'PW-009' });
  await call('folders.create', { boxId: box.id, folder: { title: 'Oak Street permits', scheduleItemId: permits.id, beginDate: '2018', endDate: '2019' } });
  await call('folders.create', { boxId: box.id, folder: { title: 'Elm Street permits', scheduleItemId: permits.id, beginDate: '2018', endDate: '2019' } });
  await call('folders.create', { boxId: box.id, folder: { title: 'Council minutes 2019', scheduleItemId: minutes.id, beginDate: '2019' } });
  const transfer = await call('transfers.create', { recordsCenterId: center.id });
  await call('transfers.addBoxes', { id: transfer.id, boxIds: [box.id] });
  const before = await call('transfers.validate', { id: transfer.id });
  expect(before.issues.find((issue) => issue.code === 'box-mixed-series')?.level).toBe('error');

  await web.load();
  const page = web.page;
  await page.goto(`${new URL(page.url()).origin}/#/catalog/box/${box.id}`);
  await page.getByRole('heading', { level: 1, name: 'Box PW-001' }).waitFor();
  await page.getByRole('button', { name: 'Re-box by date…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Re-box PW-001' });
  const plan = dialog.getByRole('table', { name: 'Re-box plan' });
  await plan.waitFor();
  expect(await plan.innerText()).toMatch(/PW-001 \(stays\)\s+2\s+disposition from 2023-01-01/);
  expect(await plan.innerText()).toMatch(/PW-001-2 \(new\)\s+1\s+kept permanently/);
  const { serious } = await checkAccessibility(page, 'Re-box dialog');
  expect(serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);
  await dialog.getByRole('button', { name: 'Re-box into 2 boxes' }).click();
  await page.getByText(`Re-boxed PW-001: new box PW-001-2 (added to ${transfer.number})`).waitFor();
  await waitForReady(page);
  const after = await call('transfers.get', { id: transfer.id });
  expect(after.boxes.map((each) => each.label)).toEqual(['PW-001', 'PW-001-2']);
  expect((await call('transfers.validate', { id: transfer.id })).issues.filter((issue) => issue.code === 'box-mixed-series')).toEqual([]);
  // The new box's label, printed alone (a draft's labels say DRAFT).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Print labels of the new boxes' }).click()]);
  expect(download.suggestedFilename()).toBe(`${transfer.number}-DRAFT labels, boxes 2.pdf`);

  // Move the first folder to PW-009 with "Move to box…", then undo it from the toast.
  const grid = page.getByRole('grid', { name: 'Folders in box PW-001' });
  await grid.getByRole('gridcell', { name: 'Oak Street permits' }).click();
  await page.getByRole('button', { name: 'Move to box…' }).click();
  const ask = page.getByRole('dialog', { name: 'Move 1 folder' });
  await ask.getByLabel('To box (its label)').fill('pw-009');
  await ask.getByRole('button', { name: 'Move' }).click();
  await page.getByText('Moved 1 folder to box PW-009').waitFor();
  await waitForReady(page);
  const moved = await call('folders.list', { filter: { query: '', boxId: spare.id }, offset: 0, limit: 10 });
  expect(moved.rows.map((folder) => folder.title)).toEqual(['Oak Street permits']);
  await page.getByRole('button', { name: 'Undo the move' }).click();
  await waitForReady(page);
  expect((await call('folders.list', { filter: { query: '', boxId: spare.id }, offset: 0, limit: 10 })).total).toBe(0);

  // The mouse way: drag a folder by its number onto a box.
  const numberCell = grid.getByRole('row').filter({ hasText: 'Elm Street permits' }).getByRole('gridcell').first();
  const dropOn = page.locator('[data-drop-box="PW-009"]');
  // Both on screen, as a person sees them when dragging.
  await dropOn.scrollIntoViewIfNeeded();
  await numberCell.dragTo(dropOn);
  await page.getByText('Moved 1 folder to box PW-009').waitFor();
  await waitForReady(page);
  const dragged = await call('folders.list', { filter: { query: '', boxId: spare.id }, offset: 0, limit: 10 });
  expect(dragged.rows.map((folder) => folder.title)).toEqual(['Elm Street permits']);
});
