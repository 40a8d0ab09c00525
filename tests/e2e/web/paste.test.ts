// Pasting rows copied from a spreadsheet into a box's folder grid: every row becomes a folder with the right
// fields; a paste with one bad cell is refused whole, with a message naming the pasted row and the column.
import { expect, it } from 'vitest';
import { BoxPage, COLUMN } from '../pages/box-page';
import { setupWebTests } from '../support/fixtures';

const web = setupWebTests({ sample: 'open', sampleBoxes: 3 });

/** Rows as Excel puts them on the clipboard: cells separated by tabs, rows by CRLF. */
const tsv = (rows: string[][]) => `${rows.map((cells) => cells.join('\t')).join('\r\n')}\r\n`;

/** A new box holding folders with these titles, opened in the page. */
async function openNewBox(label: string, titles: string[] = []): Promise<{ id: number; box: BoxPage }> {
  const created = await web.app.call('boxes.create', { label });
  for (const title of titles) await web.app.call('folders.create', { boxId: created.id, folder: { title } });
  return { id: created.id, box: await BoxPage.open(web.page, created.id, label) };
}

async function storedFolders(boxId: number) {
  return (await web.app.call('folders.list', { offset: 0, limit: 100, filter: { query: '', boxId } })).rows;
}

it('creates one folder per pasted row, with titles, codes, series and dates', async () => {
  const { id, box } = await openNewBox('Paste 1');
  await box.select(2, COLUMN.title);
  await box.paste(
    tsv([
      ['Permit 2020-0311 — 40 Elm St. (ADU)', 'BP-2020-0311', 'PW 2010', '3/15/2020', '2020-11-02'],
      ['Correspondence Feb 2020', 'ADM-COR-2020-02', 'GS 1010', '2020-02', '2020-02'],
      ['Case 2020-017 — 7 Mill St. (fence height)', 'CE-2020-017', 'PW 2050', '2020', ''],
      ['Contract 2020-05 — Northside Electric', 'CON-2020-05', '', 'FY2020', 'FY2021'],
    ]),
  );

  expect(await box.gridStatus.innerText()).toBe('Pasted 4 rows: 4 new folders, 0 folders updated.');
  expect(await box.titles()).toEqual([
    'Permit 2020-0311 — 40 Elm St. (ADU)',
    'Correspondence Feb 2020',
    'Case 2020-017 — 7 Mill St. (fence height)',
    'Contract 2020-05 — Northside Electric',
  ]);
  // 3/15/2020, as Excel shows a US date, is stored the standard way.
  expect(await box.columnTexts(COLUMN.beginDate)).toEqual(['2020-03-15', '2020-02', '2020', 'FY2020']);
  expect(await box.columnTexts(COLUMN.endDate)).toEqual(['2020-11-02', '2020-02', '', 'FY2021']);

  const stored = await storedFolders(id);
  expect(stored.map((folder) => [folder.position, folder.fileCode, folder.itemNumber, folder.beginDate, folder.endDate])).toEqual([
    [1, 'BP-2020-0311', 'PW 2010', '2020-03-15', '2020-11-02'],
    [2, 'ADM-COR-2020-02', 'GS 1010', '2020-02', '2020-02'],
    [3, 'CE-2020-017', 'PW 2050', '2020', ''],
    [4, 'CON-2020-05', null, 'FY2020', 'FY2021'],
  ]);
});

it('refuses a paste naming an unknown schedule item, says which row and column, and adds nothing', async () => {
  const { id, box } = await openNewBox('Paste 2', ['Already here']);
  await box.select(3, COLUMN.title);
  await box.paste(
    tsv([
      ['Good row', 'A-1', 'PW 2010', '2020-01-01', '2020-12-31'],
      ['Row with a made-up series', 'A-2', 'ZZ 9999', '2020-01-01', '2020-12-31'],
    ]),
  );

  expect(await box.gridAlert.innerText()).toBe('Pasted row 2, Schedule item: "ZZ 9999" is not in your retention schedule.');
  expect(await box.titles()).toEqual(['Already here']);
  expect((await storedFolders(id)).map((folder) => folder.title)).toEqual(['Already here']);
});

it('refuses a paste with an impossible date, says which row and column, and adds nothing', async () => {
  const { id, box } = await openNewBox('Paste 3');
  await box.select(2, COLUMN.title);
  await box.paste(
    tsv([
      ['First', 'B-1', '', '2020-01-01', ''],
      ['Second', 'B-2', '', '2020-02-01', ''],
      ['Third', 'B-3', '', '2019-13-45', ''],
    ]),
  );

  expect(await box.gridAlert.innerText()).toBe(
    'Pasted row 3, Begin date: "2019-13-45" is not a date (write 2019-03-15, 3/15/2019, 2019-03, 2019 or FY2019).',
  );
  expect(await box.titles()).toEqual([]);
  expect(await storedFolders(id)).toEqual([]);
});

it('pasting over existing rows updates them, starting at the selected cell', async () => {
  const { id, box } = await openNewBox('Paste 4', ['One', 'Two', 'Three']);
  expect(await box.titles()).toEqual(['One', 'Two', 'Three']);

  // From the second folder's File code: two rows of two columns (File code, Schedule item).
  await box.select(3, COLUMN.fileCode);
  await box.paste(tsv([['F-2', 'GS 1010'], ['F-3', 'GS 1010']]));
  expect(await box.gridStatus.innerText()).toBe('Pasted 2 rows: 0 new folders, 2 folders updated.');
  expect(await box.columnTexts(COLUMN.fileCode)).toEqual(['', 'F-2', 'F-3']);
  expect((await storedFolders(id)).map((folder) => folder.itemNumber)).toEqual([null, 'GS 1010', 'GS 1010']);
});
