// A box's folder grid from the keyboard: a new box from the Add box dialog, folders typed in like a spreadsheet and
// kept after a reload and in the file on disk; a bad edit is refused with a message naming the field.
import { expect, it } from 'vitest';
import { createSession } from '../../../electron/session/session';
import { AppShell } from '../pages/app-shell';
import { BoxPage, COLUMN } from '../pages/box-page';
import { CatalogPage } from '../pages/catalog-page';
import { waitForReady } from '../support/browser';
import { setupWebTests } from '../support/fixtures';
import { focusIsInNewRow, focusIsOnCell } from '../support/in-page';
import { samplePathIn } from '../support/web-app';

// A small sample, for its retention schedule (PW 2010, GS 1010...).
const web = setupWebTests({ sample: 'open', sampleBoxes: 3 });

const typed = [
  { title: 'Permit 2024-0101 — 12 Oak St. (deck)', fileCode: 'BP-2024-0101', scheduleItem: 'PW 2010', beginDate: '2024-03-15', endDate: '2024-09-30' },
  { title: 'Correspondence Jan 2024', fileCode: 'ADM-COR-2024-01', scheduleItem: 'GS 1010', beginDate: '2024-01', endDate: '2024-01' },
  { title: 'Loose notes from the counter' },
];

it('adds a box, then folders typed from the keyboard, and keeps them', async () => {
  const catalog = new CatalogPage(web.page);
  const shell = new AppShell(web.page);
  const box = await catalog.addBox('E2E Box 1');
  expect(await box.titles()).toEqual([]);

  await box.typeFolders(typed);
  const expectGrid = async () => {
    expect(await box.titles()).toEqual(typed.map((folder) => folder.title));
    expect(await box.columnTexts(COLUMN.position)).toEqual(['1', '2', '3']);
    expect(await box.columnTexts(COLUMN.fileCode)).toEqual(['BP-2024-0101', 'ADM-COR-2024-01', '']);
    const items = await box.columnTexts(COLUMN.scheduleItem);
    expect(items[0]).toMatch(/^PW 2010 Building permit files/);
    expect(items[1]).toMatch(/^GS 1010 General correspondence/);
    expect(items[2]).toBe('');
    expect(await box.columnTexts(COLUMN.beginDate)).toEqual(['2024-03-15', '2024-01', '']);
    expect(await box.columnTexts(COLUMN.endDate)).toEqual(['2024-09-30', '2024-01', '']);
  };
  await expectGrid();
  // Keyboard only: the grid, not the page, still has the focus, in the empty row ready for the next folder.
  expect(await web.page.evaluate(focusIsInNewRow)).toBe(true);

  await shell.waitUntilSaved();
  await web.page.reload();
  await waitForReady(web.page);
  await box.waitForGrid();
  await expectGrid();

  // A second program reading the catalog file (read-only, while the app has it open) finds the same folders.
  await web.app.session.flush();
  const reader = await createSession({ workspaceDir: web.app.workspaceDir, actor: 'reader', appVersion: '0', rememberRecent: false });
  try {
    // The app holds the catalog's lock, so a second program may only look.
    const opened = await reader.dispatch('catalog.open', { path: samplePathIn(web.app.workspaceDir), readOnly: true });
    expect(opened.ok).toBe(true);
    const boxes = await reader.handlers['boxes.list']({ offset: 0, limit: 10, filter: { query: 'E2E Box 1' } });
    const saved = boxes.rows.find((row) => row.label === 'E2E Box 1');
    expect(saved).toBeDefined();
    const folders = await reader.handlers['folders.list']({ offset: 0, limit: 10, filter: { query: '', boxId: saved!.id } });
    expect(folders.rows.map((folder) => [folder.title, folder.fileCode, folder.itemNumber, folder.beginDate, folder.endDate])).toEqual([
      [typed[0].title, 'BP-2024-0101', 'PW 2010', '2024-03-15', '2024-09-30'],
      [typed[1].title, 'ADM-COR-2024-01', 'GS 1010', '2024-01', '2024-01'],
      [typed[2].title, '', null, '', ''],
    ]);
    expect(folders.rows[0].dispositionDate).toMatch(/^2035-/);
  } finally {
    await reader.close();
  }
});

it('refuses an end date before the begin date, naming the field, and keeps the old value', async () => {
  const created = await web.app.call('boxes.create', { label: 'E2E Box 2' });
  const folder = await web.app.call('folders.create', {
    boxId: created.id,
    folder: { title: 'Permit 2019-0042', beginDate: '2019-03-01', endDate: '2019-06-30' },
  });
  const box = await BoxPage.open(web.page, created.id, 'E2E Box 2');

  await box.typeInto(2, COLUMN.endDate, '2018-01-01');
  const endCell = box.folderCell(1, COLUMN.endDate);
  const alert = endCell.getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toBe('End date: The end date is before the begin date');
  expect(await endCell.getAttribute('aria-invalid')).toBe('true');
  expect(await endCell.locator('.cell-text').innerText()).toBe('2019-06-30');
  expect((await web.app.call('folders.list', { offset: 0, limit: 5, filter: { query: '', boxId: created.id } })).rows[0]).toMatchObject({
    id: folder.id,
    endDate: '2019-06-30',
  });
});

it('refuses an impossible date, naming the field, and keeps the old value', async () => {
  const created = await web.app.call('boxes.create', { label: 'E2E Box 3' });
  await web.app.call('folders.create', { boxId: created.id, folder: { title: 'Permit 2019-0043', beginDate: '2019-03-01' } });
  const box = await BoxPage.open(web.page, created.id, 'E2E Box 3');

  await box.typeInto(2, COLUMN.beginDate, '2019-13-45');
  const beginCell = box.folderCell(1, COLUMN.beginDate);
  const alert = beginCell.getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toBe('Begin date: Write a date as 2019-03-15, 2019-03, 2019 or FY2019');
  expect(await beginCell.locator('.cell-text').innerText()).toBe('2019-03-01');
  const [stored] = (await web.app.call('folders.list', { offset: 0, limit: 5, filter: { query: '', boxId: created.id } })).rows;
  expect(stored.beginDate).toBe('2019-03-01');

  // Fixing it clears the message.
  await box.typeInto(2, COLUMN.beginDate, '2019-03-02');
  await beginCell.getByRole('alert').waitFor({ state: 'detached' });
  expect(await beginCell.innerText()).toBe('2019-03-02');
});

it('refuses an unknown schedule item, then takes the next keystrokes in the same cell ("gs-1010" is GS 1010)', async () => {
  const created = await web.app.call('boxes.create', { label: 'E2E Box 4' });
  await web.app.call('folders.create', { boxId: created.id, folder: { title: 'Permit 2019-0044', beginDate: '2019' } });
  const box = await BoxPage.open(web.page, created.id, 'E2E Box 4');

  await box.typeInto(2, COLUMN.scheduleItem, 'ZZ 9999');
  const itemCell = box.folderCell(1, COLUMN.scheduleItem);
  await itemCell.getByRole('alert').waitFor();
  // No click: the keyboard is still on the refused cell, and what is typed next goes into it.
  await web.page.keyboard.type('gs-1010');
  await web.page.keyboard.press('Enter');
  await box.settled();
  await itemCell.getByRole('alert').waitFor({ state: 'detached' });
  const [stored] = (await web.app.call('folders.list', { offset: 0, limit: 5, filter: { query: '', boxId: created.id } })).rows;
  expect(stored.itemNumber).toBe('GS 1010');
});

// Found by this suite: with the grid scrolled sideways and not yet focused, a click on a cell first focused the
// grid, which put the focus back on the previously active cell (scrolling back to it), so the click was lost.
it('selects a cell scrolled out of view with a single click', async () => {
  const created = await web.app.call('boxes.create', { label: 'E2E Box 4' });
  for (const title of ['Permit 2020-0001', 'Permit 2020-0002', 'Permit 2020-0003']) {
    await web.app.call('folders.create', { boxId: created.id, folder: { title, notes: `Old note for ${title}` } });
  }
  const box = await BoxPage.open(web.page, created.id, 'E2E Box 4');

  // The first folder's title is the active cell; then the grid loses the focus and is scrolled far to the right,
  // so that cell is out of view and the Notes column in view.
  await box.select(2, COLUMN.title);
  await box.heading.click();
  expect(await web.page.evaluate(focusIsOnCell, [2, COLUMN.title] as [number, number])).toBe(false);
  expect(await box.scrollToRightEdge()).toBeGreaterThan(0);

  const notes = box.folderCell(2, COLUMN.notes);
  await notes.click();
  expect(await notes.getAttribute('class')).toMatch(/\bis-active\b/);
  expect(await notes.getAttribute('tabindex')).toBe('0');
  expect(await box.folderCell(1, COLUMN.title).getAttribute('class')).not.toMatch(/\bis-active\b/);
  expect(await web.page.evaluate(focusIsOnCell, [3, COLUMN.notes] as [number, number])).toBe(true);

  // Typing now edits that cell, not the one active before.
  await web.page.keyboard.type('Moved to box 7');
  await web.page.keyboard.press('Enter');
  await box.settled();
  expect(await box.columnTexts(COLUMN.notes)).toEqual([
    'Old note for Permit 2020-0001',
    'Moved to box 7',
    'Old note for Permit 2020-0003',
  ]);
  expect(await box.titles()).toEqual(['Permit 2020-0001', 'Permit 2020-0002', 'Permit 2020-0003']);
  const stored = (await web.app.call('folders.list', { offset: 0, limit: 5, filter: { query: '', boxId: created.id } })).rows;
  expect(stored.map((folder) => [folder.title, folder.notes])).toEqual([
    ['Permit 2020-0001', 'Old note for Permit 2020-0001'],
    ['Permit 2020-0002', 'Moved to box 7'],
    ['Permit 2020-0003', 'Old note for Permit 2020-0003'],
  ]);
});
