// The import wizard in the browser: choose a box list, see it read with a progress bar, check what each column
// means, see every row's fate, import as one undoable change — and refuse, with the reason, while rows have problems.
import { readFile } from 'node:fs/promises';
import * as XLSX from 'xlsx';
import { expect, it } from 'vitest';
import { AppShell } from '../pages/app-shell';
import { CatalogPage } from '../pages/catalog-page';
import { checkAccessibility } from '../support/axe';
import { waitForReady } from '../support/browser';
import { setupWebTests } from '../support/fixtures';

const web = setupWebTests();

const HEADINGS = ['Box', 'Folder', 'Folder Title', 'File Code', 'Begin Date', 'End Date', 'Confidential'];
const ROWS = [
  ['1', 1, 'Oak Street permits', 'BP-12', '2019-01', '2019-12', 'No'],
  ['1', 2, 'Elm Avenue permits', 'BP-13', '2019', '2020', 'No'],
  ['2', 1, 'Personnel files A–L', 'HR-1', 'FY2018', 'FY2019', 'Yes'],
];

function boxListFile(rows: (string | number)[][]): { name: string; mimeType: string; buffer: Buffer } {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Public Works — box list'], HEADINGS, ...rows]), 'Boxes');
  const buffer = Buffer.from(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
  return { name: 'boxlist.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer };
}

async function openWizard() {
  await web.app.call('catalog.create', { fileName: 'Works', department: { name: 'Public Works' } });
  await web.load();
  const catalog = new CatalogPage(web.page);
  await catalog.heading.waitFor();
  await web.page.getByRole('button', { name: 'Import a box list…' }).first().click();
  const dialog = web.page.getByRole('dialog', { name: 'Import a box list' });
  await dialog.getByRole('heading', { name: 'Choose the file' }).waitFor();
  return { catalog, dialog };
}

it('imports a box list step by step, then undoes it', async () => {
  const { catalog, dialog } = await openWizard();
  expect(await dialog.getByRole('radio', { name: /A box list/ }).isChecked()).toBe(true);
  await dialog.getByLabel('Spreadsheet file').setInputFiles(boxListFile(ROWS));

  await dialog.getByRole('heading', { name: 'Say what each column means' }).waitFor();
  await waitForReady(web.page);
  // The title row is not the header row: Transmittal found the headings on row 2 and guessed every column.
  expect(await dialog.getByLabel('Header row').locator('option:checked').innerText()).toMatch(/^Row 2: Box \| Folder \| Folder Title/);
  expect(await dialog.getByRole('combobox', { name: 'Column C “Folder Title” means' }).inputValue()).toBe('title');
  expect(await dialog.getByRole('combobox', { name: 'Column F “End Date” means' }).inputValue()).toBe('endDate');
  expect((await checkAccessibility(web.page, 'import wizard: columns')).serious).toEqual([]);
  // Any column can be ignored.
  await dialog.getByRole('combobox', { name: 'Column G “Confidential” means' }).selectOption({ label: 'Ignore' });
  await dialog.getByRole('button', { name: 'Check the rows' }).click();

  await dialog.getByRole('heading', { name: 'Check before importing' }).waitFor();
  expect(await dialog.innerText()).toContain('3 rows will be imported');
  expect(await dialog.getByRole('table', { name: /first 3 records/i }).innerText()).toContain('Personnel files A–L');
  await dialog.getByRole('button', { name: 'Import 3 rows' }).click();

  await dialog.getByRole('heading', { name: 'Imported' }).waitFor();
  expect(await dialog.getByRole('status').innerText()).toBe('Import 3 folders from boxlist.xlsx.');
  expect(await dialog.innerText()).toContain('2 boxes added');
  const folders = (await web.app.call('folders.list', { filter: { query: '' } })).rows;
  expect(folders.map((folder) => [folder.boxLabel, folder.title, folder.endDate, folder.confidential])).toEqual([
    ['1', 'Oak Street permits', '2019-12', false],
    ['1', 'Elm Avenue permits', '2020', false],
    ['2', 'Personnel files A–L', 'FY2019', false],
  ]);

  await dialog.getByRole('button', { name: 'Undo this import' }).click();
  await dialog.getByRole('heading', { name: 'The import was undone' }).waitFor();
  expect((await web.app.call('catalog.summary', {})).folders).toBe(0);
  await dialog.getByRole('button', { name: 'Open the catalog' }).click();
  await waitForReady(web.page);
  expect(await catalog.countText()).toBe('0 boxes');
  expect(await new AppShell(web.page).redoButton.isEnabled()).toBe(true);
});

it('lists the rows with problems and imports only when asked to leave them out', async () => {
  const { catalog, dialog } = await openWizard();
  await dialog.getByLabel('Spreadsheet file').setInputFiles(boxListFile([...ROWS, ['3', 1, 'Budget', 'FIN-1', '2019', 'someday', 'No']]));
  await dialog.getByRole('button', { name: 'Check the rows' }).click();
  await dialog.getByRole('heading', { name: 'Check before importing' }).waitFor();

  expect((await checkAccessibility(web.page, 'import wizard: report')).serious).toEqual([]);
  const alert = dialog.getByRole('alert');
  expect(await alert.innerText()).toMatch(/^1 row has problems/);
  expect(await dialog.locator('.import-problems li').allInnerTexts()).toEqual([expect.stringMatching(/^Boxes row 6, End Date: /)]);
  // The whole list, however long, can be saved as a CSV file to fix the spreadsheet by.
  const [download] = await Promise.all([web.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save the list of 1 problem (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('boxlist – import problems.csv');
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv).toMatch(/^\uFEFFSheet,Row,Column,Problem\r\nBoxes,6,End Date,"?""someday"" is not a date/);
  const importButton = dialog.getByRole('button', { name: 'Import 3 rows' });
  expect(await importButton.isDisabled()).toBe(true);
  await dialog.getByRole('checkbox', { name: /Import only the good rows/ }).check();
  await importButton.click();

  await dialog.getByRole('heading', { name: 'Imported' }).waitFor();
  await dialog.getByRole('button', { name: 'Open the catalog' }).click();
  await waitForReady(web.page);
  expect(await catalog.countText()).toBe('2 boxes');
});

it('says which records are already in the catalog when the same file comes again', async () => {
  const { dialog } = await openWizard();
  await web.app.call('boxes.create', { label: '1' });
  await dialog.getByLabel('Spreadsheet file').setInputFiles(boxListFile(ROWS));
  await dialog.getByRole('button', { name: 'Check the rows' }).click();
  await dialog.getByRole('heading', { name: 'Already in your catalog' }).waitFor();
  expect(await dialog.innerText()).toContain('Row 3: Box 1');
  await dialog.getByRole('radio', { name: /Update them/ }).check();
  await dialog.getByRole('button', { name: 'Import 3 rows' }).click();
  await dialog.getByRole('heading', { name: 'Imported' }).waitFor();
  expect((await web.app.call('catalog.summary', {})).boxes).toBe(2);
});

it('shows a progress bar while a large file is read, and Cancel stops it with nothing imported', async () => {
  const { dialog } = await openWizard();
  const rows = Array.from({ length: 60_000 }, (_, index) => [String(Math.floor(index / 10) + 1), (index % 10) + 1, `Folder ${index}`, `F-${index}`, '2019', '2020', 'No']);
  await dialog.getByLabel('Spreadsheet file').setInputFiles(boxListFile(rows));
  const progress = dialog.getByRole('progressbar');
  await progress.waitFor();
  expect(await dialog.getByRole('heading', { name: 'Reading boxlist.xlsx' }).isVisible()).toBe(true);
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await dialog.getByRole('heading', { name: 'Choose the file' }).waitFor();
  await waitForReady(web.page);
  expect((await web.app.call('catalog.summary', {})).boxes).toBe(0);
});
