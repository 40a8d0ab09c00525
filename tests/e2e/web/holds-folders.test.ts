// Legal holds on single folders, in the browser: a department finds a box in the Place a legal hold dialog, ticks two
// of its folders, sees the preview count them, places the hold and sees it list them; those two folders cannot be
// deleted while the hold is in force, the others can, and once it is lifted they can be deleted too. From a box's
// page the dialog offers that box's folders at once. A records center does the same with a holding box's folders.
import { expect, it } from 'vitest';
import { BoxPage, COLUMN } from '../pages/box-page';
import { HoldsPage } from '../pages/disposition-page';
import { checkAccessibility } from '../support/axe';
import { waitForReady } from '../support/browser';
import { departmentWithCenter, sendAndPackage } from '../support/department';
import { setupWebTests } from '../support/fixtures';

const web = setupWebTests();

const FOLDERS = [
  { title: 'Oak Street permits', fileCode: 'BP-12' },
  { title: 'Elm Street inspections', fileCode: 'BP-13' },
  { title: 'Maple Avenue permits', fileCode: 'BP-14' },
];

/** Public Works with box PW-001 (one folder) and PW-002 (three folders, with file codes), all in the office. */
async function departmentWithTwoBoxes() {
  const { call } = web.app;
  await departmentWithCenter(call);
  const item = await call('schedule.create', { itemNumber: 'GS 1010', title: 'Building permits', retentionText: 'CY+3', rule: { kind: 'period', years: 3, trigger: 'calendar-year' } });
  const first = await call('boxes.create', { label: 'PW-001' });
  await call('folders.create', { boxId: first.id, folder: { title: 'Council minutes', scheduleItemId: item.id, beginDate: '2018', endDate: '2019' } });
  const second = await call('boxes.create', { label: 'PW-002' });
  for (const folder of FOLDERS) await call('folders.create', { boxId: second.id, folder: { ...folder, scheduleItemId: item.id, beginDate: '2018', endDate: '2019' } });
  return { first, second };
}

async function storedTitles(boxId: number): Promise<string[]> {
  return (await web.app.call('folders.list', { offset: 0, limit: 100, filter: { query: '', boxId } })).rows.map((folder) => folder.title);
}

async function lift(name: string, reason: string): Promise<void> {
  const page = web.page;
  await page.getByRole('button', { name: 'Lift the hold…' }).click();
  const dialog = page.getByRole('dialog', { name: `Lift the hold “${name}”?` });
  await dialog.getByLabel('Why the hold is lifted').fill(reason);
  await dialog.getByRole('button', { name: 'Lift the hold' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText(new RegExp(`^Lifted .*: ${reason.replace('.', '\\.')}$`)).waitFor();
  await waitForReady(page);
}

it('places a hold on two single folders of a box, which then cannot be deleted until it is lifted', async () => {
  const { second } = await departmentWithTwoBoxes();
  await web.load();
  const page = web.page;
  const holds = new HoldsPage(page);
  await holds.goTo();
  await holds.openPlaceDialog();
  await holds.dialog.getByLabel('Name of the hold').fill('Maple Avenue audit');
  await holds.dialog.getByLabel('Who asked for it').fill('State Auditor');

  // Type the box's label and press Enter: its folders are offered with number, title and file code, focus on the box's choices.
  const box = await holds.findAndOpenBox('PW-002', 'PW-002');
  const wholeBox = box.getByRole('checkbox', { name: /^Hold the whole box PW-002/ });
  expect(await wholeBox.evaluate((element) => element === element.ownerDocument.activeElement), 'focus moves to the box opened').toBe(true);
  expect(await wholeBox.isChecked()).toBe(false);
  expect(await holds.folderCheckbox(box, 1).count()).toBe(1);
  expect(await holds.folderLine(box, 3)).toBe('3. Maple Avenue permits · file code BP-14');

  // Two folders ticked (with the keyboard, Space): the preview counts them, and only them.
  await holds.folderCheckbox(box, 1).focus();
  await page.keyboard.press('Space');
  await holds.folderCheckbox(box, 3).focus();
  await page.keyboard.press('Space');
  // Enter on a checkbox (where a browser would submit the form) does not place the hold half-chosen.
  await page.keyboard.press('Enter');
  await waitForReady(page);
  expect(await holds.dialog.isVisible()).toBe(true);
  expect(await web.app.call('holds.list', { show: 'all' })).toEqual([]);
  let preview = await holds.previewText();
  expect(preview).toMatch(/^Covers 1 box, 2 folders/);
  expect(preview).toContain('Folder 1 “Oak Street permits” in box PW-002');
  expect(preview).toContain('Folder 3 “Maple Avenue permits” in box PW-002');
  expect(preview).not.toContain('Elm Street');
  expect(await holds.chosen().locator('li > span').allInnerTexts()).toEqual([
    'Folder 1 “Oak Street permits” in box PW-002',
    'Folder 3 “Maple Avenue permits” in box PW-002',
  ]);

  // Removing one from the chosen list unticks it and the preview follows; ticking it again brings it back.
  await holds.chosen().getByRole('button', { name: 'Remove folder 3 “Maple Avenue permits” in box PW-002' }).click();
  await waitForReady(page);
  expect(await holds.folderCheckbox(box, 3).isChecked()).toBe(false);
  expect(await holds.previewText()).toMatch(/^Covers 1 box, 1 folder\b/);
  await holds.folderCheckbox(box, 3).check();
  preview = await holds.previewText();
  expect(preview).toMatch(/^Covers 1 box, 2 folders/);

  const dialogCheck = await checkAccessibility(page, 'Place a legal hold, folders of a box');
  expect(dialogCheck.serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);
  await holds.place('Maple Avenue audit');

  // The hold's page lists the two folders, nothing else.
  expect((await holds.covers().getByRole('listitem').allInnerTexts()).map((line) => line.trim())).toEqual([
    'Folder 1 “Oak Street permits” in box PW-002',
    'Folder 3 “Maple Avenue permits” in box PW-002',
  ]);
  expect(await page.getByRole('heading', { name: /^What it holds: / }).innerText()).toBe('What it holds: 1 box, 2 folders');
  expect(await page.getByRole('region', { name: 'What it was asked to cover' }).innerText()).toContain('2 folders chosen one by one');

  // On the box's page: a held folder cannot be deleted (the grid says which hold), a folder it does not cover can.
  const boxPage = await BoxPage.open(page, second.id, 'PW-002');
  await boxPage.select(2, COLUMN.title);
  await boxPage.deleteFolderButton.click();
  await boxPage.gridAlert.waitFor();
  expect(await boxPage.gridAlert.innerText()).toContain('The legal hold “Maple Avenue audit”');
  expect(await boxPage.gridAlert.innerText()).toContain('Oak Street permits');
  expect(await storedTitles(second.id)).toEqual(FOLDERS.map((folder) => folder.title));
  await boxPage.select(3, COLUMN.title);
  await boxPage.deleteFolderButton.click();
  await page.getByText('Folder “Elm Street inspections” deleted').waitFor();
  await boxPage.settled();
  expect(await storedTitles(second.id)).toEqual(['Oak Street permits', 'Maple Avenue permits']);

  // Lifted, the folders are the department's to delete again.
  await holds.goTo();
  await holds.table.getByRole('link', { name: 'Maple Avenue audit' }).click();
  await page.getByRole('heading', { level: 1, name: 'Legal hold “Maple Avenue audit”' }).waitFor();
  await lift('Maple Avenue audit', 'The audit closed.');
  const again = await BoxPage.open(page, second.id, 'PW-002');
  await again.select(2, COLUMN.title);
  await again.deleteFolderButton.click();
  await page.getByText('Folder “Oak Street permits” deleted').waitFor();
  await again.settled();
  expect(await storedTitles(second.id)).toEqual(['Maple Avenue permits']);
});

it('from a box page, offers that box whole or some of its folders', async () => {
  const { second } = await departmentWithTwoBoxes();
  await web.load();
  const page = web.page;
  const holds = new HoldsPage(page);
  await BoxPage.open(page, second.id, 'PW-002');
  await page.getByRole('button', { name: 'Place a legal hold…' }).click();
  await holds.dialog.waitFor();
  await waitForReady(page);

  // The box comes chosen whole, its folders shown (ticked with it, not to be picked one by one while it is whole).
  const box = holds.openBox('PW-002');
  await box.waitFor();
  const wholeBox = box.getByRole('checkbox', { name: /^Hold the whole box PW-002/ });
  expect(await wholeBox.isChecked()).toBe(true);
  expect(await holds.folderCheckbox(box, 2).isChecked()).toBe(true);
  expect(await holds.folderCheckbox(box, 2).isDisabled()).toBe(true);
  expect(await holds.chosen().innerText()).toContain('Box PW-002 (whole box)');
  expect(await holds.previewText()).toMatch(/^Covers 1 box, 3 folders/);
  expect(await holds.dialog.getByLabel('Name of the hold').evaluate((element) => element === element.ownerDocument.activeElement), 'focus starts on the name').toBe(true);

  // Instead of the whole box, one folder of it.
  await wholeBox.uncheck();
  await waitForReady(page);
  expect(await holds.preview.innerText()).toContain('Choose what the hold covers');
  await holds.folderCheckbox(box, 2).check();
  const preview = await holds.previewText();
  expect(preview).toMatch(/^Covers 1 box, 1 folder\b/);
  expect(preview).toContain('Folder 2 “Elm Street inspections” in box PW-002');
  await holds.dialog.getByLabel('Name of the hold').fill('Elm Street inspection records request');
  await holds.place('Elm Street inspection records request');
  expect((await holds.covers().getByRole('listitem').allInnerTexts()).map((line) => line.trim())).toEqual(['Folder 2 “Elm Street inspections” in box PW-002']);
});

/** Public Works sends PW-001 (one folder) and PW-002 (three folders); a records center takes them in. Leaves the center open. */
async function centerHoldingTwoBoxes() {
  const { call, workspaceDir } = web.app;
  const center = await departmentWithCenter(call);
  const item = await call('schedule.create', { itemNumber: 'GS 1010', title: 'Building permits', retentionText: 'CY+3', rule: { kind: 'period', years: 3, trigger: 'calendar-year' } });
  const first = await call('boxes.create', { label: 'PW-001' });
  await call('folders.create', { boxId: first.id, folder: { title: 'Council minutes', scheduleItemId: item.id, beginDate: '2018', endDate: '2019' } });
  const second = await call('boxes.create', { label: 'PW-002' });
  for (const folder of FOLDERS) await call('folders.create', { boxId: second.id, folder: { ...folder, scheduleItemId: item.id, beginDate: '2018', endDate: '2019' } });
  const transfer = await call('transfers.create', { recordsCenterId: center.id });
  await call('transfers.addBoxes', { id: transfer.id, boxIds: [first.id, second.id] });
  const started = await sendAndPackage(call, transfer.id, workspaceDir);
  await call('catalog.close', {});
  await call('catalog.create', { fileName: 'City Records Center', department: { name: 'City Records Center' }, role: 'records-center' });
  const { accession } = await call('center.intake', { file: { path: started.zip } });
  const detail = await call('center.accession.get', { id: accession.id });
  await call('center.checkIn', { accessionId: accession.id, boxes: detail.boxes.map((each) => ({ box: each.boxCode!, status: 'received' as const })) });
  return { accession: detail };
}

it('at a records center, places a hold on two folders of a holding box found by its box id, and lifts it', async () => {
  const { accession } = await centerHoldingTwoBoxes();
  const held = accession.boxes.find((box) => box.label === 'PW-002')!;
  await web.load();
  const page = web.page;
  await page.getByRole('heading', { level: 1, name: 'Packages received' }).waitFor();
  const holds = new HoldsPage(page);
  await holds.goTo();
  await holds.openPlaceDialog();
  await holds.dialog.getByLabel('Name of the hold').fill('Maple Avenue audit');

  // The box id on its label (as a scanner types it) finds the box; its folders come in the department's words.
  const box = await holds.findAndOpenBox(held.boxCode!, 'PW-002');
  expect(await box.getByRole('heading').innerText()).toBe(`Box PW-002 (${accession.accessionNumber})`);
  expect(await holds.folderLine(box, 1)).toBe('1. Oak Street permits · file code BP-12');
  await holds.folderCheckbox(box, 1).check();
  await holds.folderCheckbox(box, 3).check();
  const preview = await holds.previewText();
  expect(preview).toMatch(/^Covers 1 box, 2 folders/);
  expect(preview).toContain(`Folder 1 “Oak Street permits” in box PW-002 (${accession.accessionNumber})`);
  expect(preview).toContain(`Folder 3 “Maple Avenue permits” in box PW-002 (${accession.accessionNumber})`);
  const dialogCheck = await checkAccessibility(page, 'Place a legal hold at a records center, folders of a box');
  expect(dialogCheck.serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);
  await holds.place('Maple Avenue audit');

  expect((await holds.covers().getByRole('listitem').allInnerTexts()).map((line) => line.trim())).toEqual([
    `Folder 1 “Oak Street permits” in box PW-002 (${accession.accessionNumber})`,
    `Folder 3 “Maple Avenue permits” in box PW-002 (${accession.accessionNumber})`,
  ]);
  const [stored] = await web.app.call('holds.list', { show: 'active' });
  expect(stored).toMatchObject({ name: 'Maple Avenue audit', boxes: 1, folders: 2 });

  await lift('Maple Avenue audit', 'The audit closed.');
  expect(await web.app.call('holds.list', { show: 'active' })).toEqual([]);
});
