// `transmittal import` and `transmittal schedule import` as a user runs them: `node bin/transmittal.js` in a real
// process, on spreadsheet files the test writes, with the report on stdout and one error line on stderr.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { runCli, type Run } from '../cli/run-cli';
import type { Folder } from '../../../shared/domain/types';
import { boxList, SAMPLE_ROWS, xlsxBytes } from './pipeline-helpers';

let workDir: string;

const transmittal = (...args: string[]): Promise<Run> => runCli(workDir, args);

function oneErrorLine(run: Run): string {
  const lines = run.stderr.split('\n').filter((line) => line.length > 0);
  expect(lines).toHaveLength(1);
  return lines[0];
}

const folders = async () => JSON.parse((await transmittal('list', 'works', 'folders', '--json')).stdout) as Folder[];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'transmittal-cli-import-'));
  await writeFile(join(workDir, 'boxlist.xlsx'), xlsxBytes([{ name: 'Boxes', rows: boxList(SAMPLE_ROWS) }]));
  const bad = [...SAMPLE_ROWS.slice(0, 2), ['4', 1, 'Budget', 'FIN-1', '', '', '2019', 'someday', 'No', '']];
  await writeFile(join(workDir, 'bad.xlsx'), xlsxBytes([{ name: 'Boxes', rows: boxList(bad) }]));
  await writeFile(
    join(workDir, 'schedule.xlsx'),
    xlsxBytes([{ name: 'Schedule', rows: [['Item Number', 'Series Title', 'Retention', 'Disposition'], ['GS 1010', 'Building permits', 'CY+3', 'Destroy'], ['GS 2020', 'Personnel files', 'FY+6', 'Destroy']] }]),
  );
  // Two sheets; the first has a hidden Notes column.
  const book = XLSX.utils.book_new();
  const first = XLSX.utils.aoa_to_sheet([['Box', 'Folder Title', 'Begin Date', 'Notes'], ['7', 'Audit files', '2019', 'secret remark']]);
  first['!cols'] = [{}, {}, {}, { hidden: true }];
  XLSX.utils.book_append_sheet(book, first, '2019');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Box', 'Folder Title'], ['8', 'Minutes']]), '2020');
  await writeFile(join(workDir, 'two-sheets.xlsx'), new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  // Hand-made CSV bytes as Excel writes them in Europe: UTF-8 with a byte order mark, semicolons.
  await writeFile(join(workDir, 'more.csv'), Buffer.from('\ufeffBox;Folder Title;Begin Date;End Date\r\n9;Zoning maps;1990;1995\r\n', 'utf8'));
  expect((await transmittal('init', 'works', '--department', 'Public Works')).code).toBe(0);
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('transmittal import', () => {
  it('checks a file with --dry-run and writes nothing', async () => {
    const run = await transmittal('import', 'works', 'boxlist.xlsx', '--dry-run');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Sheet "Boxes" of boxlist.xlsx: 5 rows read, 5 rows to import');
    expect(run.stdout).toContain('Not in your retention schedule, left unlinked: "GS 1010" (2 folders, first on row 4)');
    expect(run.stdout).toContain('Dry run: nothing was written to the catalog.');
    expect(await folders()).toEqual([]);

    const json = await transmittal('import', 'works', 'boxlist.xlsx', '--dry-run', '--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ dryRun: true, sheet: 'Boxes', preview: { counts: { boxes: 3, folders: 5 } } });
    expect(report.mapping.columns[2]).toEqual({ index: 2, heading: 'Folder Title', field: 'title' });
    await writeFile(join(workDir, 'mapping.json'), JSON.stringify({ kind: 'inventory', mapping: report.mapping }));
  });

  it('says which sheets it does not read, and which hidden columns it does', async () => {
    const run = await transmittal('import', 'works', 'two-sheets.xlsx', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Reading sheet "2019"; not read: "2020". Choose another with --sheet NAME.\n');
    expect(run.stdout).toContain('Column "Notes" is hidden in the file, and is read as notes.');
    const named = await transmittal('import', 'works', 'two-sheets.xlsx', '--dry-run', '--sheet', '2020');
    expect(named.stdout).not.toContain('not read:');
    expect(named.stdout).toContain('Sheet "2020" of two-sheets.xlsx');
  });

  it('imports a schedule, then a box list linked to it, and refuses to import the same list twice', async () => {
    const schedule = await transmittal('schedule', 'import', 'works', 'schedule.xlsx', '--json');
    expect(schedule.stderr).toBe('');
    expect(schedule.code).toBe(0);
    expect(JSON.parse(schedule.stdout).result).toMatchObject({ scheduleItemsCreated: 2 });

    const run = await transmittal('import', 'works', 'boxlist.xlsx', '--mapping', 'mapping.json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Import 5 folders from boxlist.xlsx: 3 boxes added, 5 folders added.');
    const imported = await folders();
    expect(imported.map((folder) => [folder.boxLabel, folder.title, folder.itemNumber])).toEqual([
      ['1', 'Oak Street permits', 'GS 1010'],
      ['1', 'Elm Avenue permits', 'GS 1010'],
      ['2', 'Personnel files A–L', 'GS 2020'],
      ['2', 'Personnel files M–Z', 'GS 2020'],
      ['3', '=SUM(A1) is not a formula', null],
    ]);

    const again = await transmittal('import', 'works', 'boxlist.xlsx');
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('Already in the catalog: 3 boxes and 5 folders (skipped; use --on-duplicate update to update them).');
    // Which ones, by row, as the app lists them.
    expect(again.stdout).toContain('  Row 4: Box 1\n');
    expect(again.stdout).toContain('  Row 4: Box 1, folder 1 “Oak Street permits” (BP-12)\n');
    expect(oneErrorLine(again)).toMatch(/^transmittal: Nothing to import: 5 folders in boxlist\.xlsx are already in the catalog/);
    expect(await folders()).toHaveLength(5);
  });

  it('lists each row problem, refuses until --good-rows-only, and prints the full report with --json', async () => {
    const refused = await transmittal('import', 'works', 'bad.xlsx');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^Boxes row 6, End Date: "someday" is not a date.+$/m);
    expect(oneErrorLine(refused)).toMatch(/^transmittal: 1 row of bad\.xlsx has problems/);

    const json = await transmittal('import', 'works', 'bad.xlsx', '--json');
    expect(json.code).toBe(1);
    const { error } = JSON.parse(json.stdout);
    expect(error.details.report.problems).toEqual([expect.objectContaining({ sheet: 'Boxes', row: 6 })]);
    expect(error.details.report.rowsImported).toBe(2);

    const good = await transmittal('import', 'works', 'bad.xlsx', '--good-rows-only', '--on-duplicate', 'update', '--json');
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout).result).toMatchObject({ foldersUpdated: 2, foldersCreated: 0, report: { problems: [expect.objectContaining({ row: 6 })] } });
  });

  it('reads a CSV as Excel saves it, and names a sheet that is not there', async () => {
    const csv = await transmittal('import', 'works', 'more.csv');
    expect(csv.stderr).toBe('');
    expect(csv.code).toBe(0);
    expect((await folders()).find((folder) => folder.title === 'Zoning maps')).toMatchObject({ boxLabel: '9', beginDate: '1990', endDate: '1995' });

    const missing = await transmittal('import', 'works', 'boxlist.xlsx', '--sheet', 'Nope');
    expect(missing.code).toBe(2);
    expect(oneErrorLine(missing)).toContain('boxlist.xlsx has no sheet named "Nope"; its sheets: Boxes');

    const nothing = await transmittal('import', 'works', 'no-such-file.xlsx');
    expect(nothing.code).toBe(1);
    expect(oneErrorLine(nothing)).toMatch(/there is no file at .*no-such-file\.xlsx/);
  });
});
