// The import wizard's review step for a new user's two surprises: the same box list chosen again says there is
// nothing new to import (and offers only to update), and every row the import skips is listed with why.
import { readFile } from 'node:fs/promises';
import * as XLSX from 'xlsx';
import { expect, it } from 'vitest';
import { CatalogPage } from '../pages/catalog-page';
import { checkAccessibility } from '../support/axe';
import { waitForReady } from '../support/browser';
import { setupWebTests } from '../support/fixtures';

const web = setupWebTests();

type Row = (string | number | null)[];

const HEADINGS = ['Box', 'Folder', 'Folder Title', 'File Code', 'Begin Date', 'End Date'];
const ROWS: Row[] = [
  ['1', 1, 'Oak Street permits', 'BP-12', '2019-01', '2019-12'],
  ['1', 2, 'Elm Avenue permits', 'BP-13', '2019', '2020'],
  ['2', 1, 'Personnel files A–L', 'HR-1', 'FY2018', 'FY2019'],
];

function boxListFile(rows: Row[]): { name: string; mimeType: string; buffer: Buffer } {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Public Works — box list'], HEADINGS, ...rows]), 'Boxes');
  const buffer = Buffer.from(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
  return { name: 'boxlist.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer };
}

async function openWizard() {
  await web.page.getByRole('button', { name: 'Import a box list…' }).first().click();
  const dialog = web.page.getByRole('dialog', { name: 'Import a box list' });
  await dialog.getByRole('heading', { name: 'Choose the file' }).waitFor();
  return dialog;
}

async function reviewOf(rows: Row[]) {
  const dialog = await openWizard();
  await dialog.getByLabel('Spreadsheet file').setInputFiles(boxListFile(rows));
  await dialog.getByRole('heading', { name: 'Say what each column means' }).waitFor();
  await waitForReady(web.page);
  await dialog.getByRole('button', { name: 'Check the rows' }).click();
  await dialog.getByRole('heading', { name: 'Check before importing' }).waitFor();
  await waitForReady(web.page);
  return dialog;
}

async function openCatalog() {
  await web.app.call('catalog.create', { fileName: 'Works', department: { name: 'Public Works' } });
  await web.load();
  await new CatalogPage(web.page).heading.waitFor();
}

it('says there is nothing new to import when every row is already in the catalog, and offers to update them', async () => {
  await openCatalog();
  const first = await reviewOf(ROWS);
  await first.getByRole('button', { name: 'Import 3 rows' }).click();
  await first.getByRole('heading', { name: 'Imported' }).waitFor();
  await first.getByRole('button', { name: 'Close', exact: true }).click();
  await waitForReady(web.page);

  const again = await reviewOf(ROWS);
  await again.getByRole('heading', { name: 'Already in your catalog' }).waitFor();
  const nothingNew = again.getByRole('button', { name: 'Nothing new to import — all 3 rows are already in the catalog' });
  expect(await nothingNew.isDisabled()).toBe(true);
  expect(await again.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);

  await again.getByRole('radio', { name: /Update them/ }).check();
  const update = again.getByRole('button', { name: 'Update 3 rows' });
  expect(await update.isEnabled()).toBe(true);
  await update.click();
  await again.getByRole('heading', { name: 'Imported' }).waitFor();
  expect(await again.innerText()).toContain('3 folders updated');
  expect((await web.app.call('catalog.summary', {})).folders).toBe(3);
});

it('lists every skipped row with its row number, why, and what it holds, and saves the list', async () => {
  await openCatalog();
  const rows: Row[] = [
    ...ROWS.slice(0, 2),
    [],
    [null, null, null, null, null, null, null, 'Continued on next page'],
    HEADINGS,
    ROWS[2],
    ['Total boxes: 2'],
  ];
  const dialog = await reviewOf(rows);
  expect(await dialog.innerText()).toContain('3 rows will be imported');

  const skipped = dialog.getByRole('region', { name: 'Skipped rows' });
  await skipped.waitFor();
  expect(await skipped.getByRole('list', { name: 'Skipped rows' }).getByRole('listitem').allInnerTexts()).toEqual([
    'Row 5: blank',
    'Row 6: nothing in the columns being imported — “Continued on next page”',
    'Row 7: the heading row again — “Box | Folder | Folder Title | File Code | Begin Date | End Date”',
    'Row 9: a totals row — “Total boxes: 2”',
  ]);
  expect((await checkAccessibility(web.page, 'import wizard: skipped rows')).serious).toEqual([]);

  const [download] = await Promise.all([web.page.waitForEvent('download'), skipped.getByRole('button', { name: 'Save the list of 4 skipped rows (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('boxlist – skipped rows.csv');
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.split('\r\n').slice(0, 3)).toEqual(['\uFEFFSheet,Row,Why it was skipped,What the row holds', 'Boxes,5,blank,', 'Boxes,6,nothing in the columns being imported,Continued on next page']);

  await dialog.getByRole('button', { name: 'Import 3 rows' }).click();
  await dialog.getByRole('heading', { name: 'Imported' }).waitFor();
  expect((await web.app.call('catalog.summary', {})).folders).toBe(3);
});
