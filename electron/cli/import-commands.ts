// `transmittal import` (a box list) and `transmittal schedule import` (a retention schedule): read a spreadsheet,
// show every row's fate (imported, skipped, or its problem by sheet, row and column), then write it as one change.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { NotRegularFileError, openRegularFile } from '../storage/regular-file';
import { hasErrorCode } from '../storage/file-system';
import { basename, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { ApiInput } from '../../shared/api/contract';
import {
  describeProblem,
  MAX_IMPORT_FILE_BYTES,
  type ImportApplyResult,
  type ImportedFile,
  type ImportKind,
  type ImportPreview,
  type ImportSheet,
} from '../../shared/api/contract-import';
import type { ColumnMapping } from '../../shared/import/types';
import { likelySheet } from '../../shared/import/likely-sheet';
import { CliError, usageError } from './cli-errors';
import { withCatalog, type Call } from './catalog-session';
import type { CommandContext } from './command-context';
import { count, printJson, type CliOutput } from './output';

interface ImportOptions {
  sheet?: string;
  mapping?: string;
  dryRun?: boolean;
  json?: boolean;
  onDuplicate: 'skip' | 'update';
  goodRowsOnly?: boolean;
}

type AnyMapping = ColumnMapping<string>;

const domainError = (message: string, details: Record<string, unknown> = {}) => new CliError('domain', { code: 'invalid-input', message, details });

/** Checked before the catalog is opened, so a wrong path costs nothing; the core reads the file by reference. */
async function checkImportFile(path: string): Promise<string> {
  const absolute = resolve(path);
  let opened: Awaited<ReturnType<typeof openRegularFile>> | null = null;
  try {
    // Opened without blocking and checked through the handle: a FIFO named like a spreadsheet is refused at once.
    opened = await openRegularFile(absolute);
    if (opened.stats.size > MAX_IMPORT_FILE_BYTES) {
      throw domainError(`${basename(absolute)} is larger than ${MAX_IMPORT_FILE_BYTES / (1024 * 1024)} MB; split it into smaller files`, { file: absolute });
    }
    return absolute;
  } catch (error) {
    if (error instanceof NotRegularFileError) throw domainError(`${absolute} is ${error.kind}, not a spreadsheet file`, { file: absolute });
    if (hasErrorCode(error, 'ENOENT', 'ENOTDIR', 'EISDIR')) {
      throw new CliError('domain', { code: 'file-not-found', message: `there is no file at ${absolute}`, details: { file: absolute } });
    }
    throw error;
  } finally {
    await opened?.handle.close();
  }
}

/** The sheet named by --sheet, else the visible sheet whose columns Transmittal recognised best. */
function chooseSheet(file: ImportedFile, kind: ImportKind, wanted: string | undefined): ImportSheet {
  if (wanted !== undefined) {
    const sheet = file.sheets.find((each) => each.name === wanted) ?? file.sheets.find((each) => each.name.toLowerCase() === wanted.toLowerCase());
    if (!sheet) throw usageError(`${file.fileName} has no sheet named "${wanted}"; its sheets: ${file.sheets.map((each) => each.name).join(', ')}`);
    return sheet;
  }
  return likelySheet(file, kind);
}

/** --mapping: a JSON file (a saved mapping or a bare mapping, as `--json` prints them) or a mapping saved in the catalog. */
async function chosenMapping(call: Call, file: ImportedFile, sheet: ImportSheet, kind: ImportKind, option: string | undefined): Promise<AnyMapping> {
  if (option === undefined) return sheet.suggested[kind];
  if (existsSync(resolve(option))) {
    let parsed: { kind?: string; mapping?: AnyMapping } & Partial<AnyMapping>;
    try {
      parsed = JSON.parse(await readFile(resolve(option), 'utf8'));
    } catch {
      throw usageError(`--mapping ${option} is not a JSON file`);
    }
    if (parsed.kind && parsed.kind !== kind) throw usageError(`--mapping ${option} is a ${parsed.kind} mapping, not a ${kind} mapping`);
    const mapping = parsed.mapping ?? parsed;
    if (!Array.isArray(mapping.columns)) throw usageError(`--mapping ${option} has no "columns" list`);
    // The file's columns are matched by heading, so a mapping made on last year's list fits this year's.
    const fitted = await call('import.fitMapping', { importId: file.importId, sheet: sheet.name, kind, mapping } as ApiInput<'import.fitMapping'>);
    if (fitted.matchedColumns === 0) throw domainError(`no column heading of sheet "${sheet.name}" matches the mapping in ${option}`);
    return fitted.mapping;
  }
  const saved = await call('import.listMappings', { kind, importId: file.importId, sheet: sheet.name });
  const named = saved.find((each) => each.name.toLowerCase() === option.toLowerCase());
  if (!named?.fitted) throw usageError(`--mapping ${option}: there is no such file, and no ${kind} mapping of that name is saved in this catalog`);
  return named.fitted;
}

/** What the person did not choose but should know: the other sheets, and hidden columns that are being read. */
function printSheetChoice(output: CliOutput, file: ImportedFile, sheet: ImportSheet, mapping: AnyMapping, named: boolean): void {
  const others = file.sheets.filter((each) => each !== sheet).map((each) => `"${each.name}"${each.hidden ? ' (hidden)' : ''}`);
  if (others.length > 0 && !named) output.stdout(`Reading sheet "${sheet.name}"; not read: ${others.join(', ')}. Choose another with --sheet NAME.\n`);
  const hidden = mapping.columns.filter((column) => column.field !== null && sheet.hiddenColumns.includes(column.index));
  for (const column of hidden) {
    output.stdout(`Column "${column.heading}" is hidden in the file, and is read as ${column.field}. Map it to nothing with --mapping to leave it out.\n`);
  }
}

function printPreview(output: CliOutput, preview: ImportPreview, onDuplicate: 'skip' | 'update'): void {
  const { report } = preview;
  for (const problem of report.problems) output.stdout(`${describeProblem(problem)}\n`);
  const skipped = report.rowsSkippedBlank + report.rowsSkippedTotal;
  output.stdout(
    `Sheet "${preview.sheet}" of ${preview.fileName}: ${count(report.rowsRead, 'row')} read, ${count(report.rowsImported, 'row')} to import, ` +
      `${count(skipped, 'row')} skipped as blank or total, ${count(preview.rowsWithProblems, 'row')} with problems.\n`,
  );
  const duplicates = preview.duplicateCounts;
  const existing = preview.kind === 'inventory' ? `${count(duplicates.boxes, 'box', 'boxes')} and ${count(duplicates.folders, 'folder')}` : count(duplicates.scheduleItems, 'schedule item');
  if (duplicates.boxes + duplicates.folders + duplicates.scheduleItems > 0) {
    output.stdout(`Already in the catalog: ${existing} (${onDuplicate === 'update' ? 'they will be updated' : 'skipped; use --on-duplicate update to update them'}).\n`);
    for (const duplicate of preview.duplicates) output.stdout(`  Row ${duplicate.row}: ${duplicate.description}\n`);
    const unlisted = duplicates.boxes + duplicates.folders + duplicates.scheduleItems - preview.duplicates.length;
    if (unlisted > 0) output.stdout(`  …and ${unlisted.toLocaleString('en-US')} more.\n`);
  }
  for (const each of preview.unlinked) {
    output.stdout(`Not in your retention schedule, left unlinked: "${each.value}" (${count(each.folders, 'folder')}, first on row ${each.firstRow}).\n`);
  }
  for (const each of preview.unparsedRules) {
    output.stdout(`Row ${each.row}, ${each.itemNumber}: the retention "${each.retentionText}" could not be read as a rule; set it by hand after the import.\n`);
  }
}

function printApplied(output: CliOutput, result: ImportApplyResult): void {
  const parts = [
    [result.boxesCreated, 'box', 'boxes', 'added'],
    [result.boxesUpdated, 'box', 'boxes', 'updated'],
    [result.foldersCreated, 'folder', 'folders', 'added'],
    [result.foldersUpdated, 'folder', 'folders', 'updated'],
    [result.foldersSkipped, 'folder', 'folders', 'skipped (already in the catalog)'],
    [result.scheduleItemsCreated, 'schedule item', 'schedule items', 'added'],
    [result.scheduleItemsUpdated, 'schedule item', 'schedule items', 'updated'],
    [result.scheduleItemsSkipped, 'schedule item', 'schedule items', 'skipped (already in the schedule)'],
  ] as const;
  const said = parts.filter(([total]) => total > 0).map(([total, one, many, verb]) => `${count(total, one, many)} ${verb}`);
  output.stdout(`${result.label}: ${said.join(', ')}. To take it back, open the catalog in Transmittal and choose Undo.\n`);
}

async function runImport(context: CommandContext, catalog: string, path: string, kind: ImportKind, options: ImportOptions): Promise<void> {
  const { output, openSession } = context;
  const absolute = await checkImportFile(path);
  // What the import did is printed only after the catalog is saved: a failed save must not read as success.
  const done = await withCatalog({
    openSession,
    catalog,
    work: async (call) => {
      const { jobId } = await call('import.open', { file: { path: absolute } });
      const file = await call('import.result', { jobId });
      const sheet = chooseSheet(file, kind, options.sheet);
      const mapping = await chosenMapping(call, file, sheet, kind, options.mapping);
      const plan = { importId: file.importId, kind, mapping } as ApiInput<'import.preview'>;
      const preview = await call('import.preview', plan);
      const nothing = preview.report.rowsImported === 0;
      const problems = preview.rowsWithProblems > 0 && !options.goodRowsOnly;
      if (options.json && (nothing || (problems && !options.dryRun))) {
        const message = nothing
          ? `nothing could be imported from sheet "${sheet.name}" of ${file.fileName}`
          : `${count(preview.rowsWithProblems, 'row')} of ${file.fileName} have problems; fix the file, or import only the good rows with --good-rows-only`;
        throw domainError(message, { file: file.fileName, sheet: sheet.name, mapping, report: preview.report });
      }
      if (!options.json) {
        printSheetChoice(output, file, sheet, mapping, options.sheet !== undefined);
        printPreview(output, preview, options.onDuplicate);
      }
      if (nothing) throw domainError(`nothing could be imported from sheet "${sheet.name}" of ${file.fileName}`);
      if (options.dryRun) {
        if (options.json) printJson(output, { dryRun: true, fileName: file.fileName, sheet: sheet.name, mapping, preview });
        else output.stdout('Dry run: nothing was written to the catalog.\n');
        return null;
      }
      const applying = await call('import.apply', { ...plan, onDuplicate: options.onDuplicate, importGoodRowsOnly: options.goodRowsOnly ?? false } as ApiInput<'import.apply'>);
      const result = await call('import.applied', { jobId: applying.jobId });
      await call('import.discard', { importId: file.importId });
      return { report: { dryRun: false, fileName: file.fileName, sheet: sheet.name, mapping, preview, result }, result };
    },
  });
  if (!done) return;
  if (options.json) printJson(output, done.report);
  else printApplied(output, done.result);
}

function importOptions(command: Command): Command {
  return command
    .option('--sheet <name>', 'the sheet to import (default: the one whose columns are recognised best)')
    .option('--mapping <file-or-name>', 'a JSON column mapping (as --json prints it), or the name of a mapping saved in the catalog')
    .option('--dry-run', 'read and check the file, and report, without writing anything')
    .addOption(new Option('--on-duplicate <action>', 'what to do with records already in the catalog').choices(['skip', 'update']).default('skip'))
    .option('--good-rows-only', 'import the rows that could be read even when other rows have problems')
    .option('--json', 'print the full report (and the mapping used) as JSON');
}

export function registerImportCommands(program: Command, context: CommandContext): void {
  importOptions(
    program
      .command('import')
      .description('import a box list (XLSX, XLS, ODS or CSV) into a catalog')
      .argument('<catalog>', 'the catalog file (".transmittal" is added if missing)')
      .argument('<file>', 'the spreadsheet to import'),
  )
    .addHelpText('after', '\nExamples:\n  transmittal import permits boxlist.xlsx --dry-run\n  transmittal import permits boxlist.xlsx --sheet "2019" --good-rows-only')
    .action((catalog: string, file: string, options: ImportOptions) => runImport(context, catalog, file, 'inventory', options));

  // The schedule group may already exist (schedule add): add to it rather than replace it.
  const schedule = program.commands.find((command) => command.name() === 'schedule') ?? program.command('schedule').description('your retention schedule');
  importOptions(
    schedule
      .command('import')
      .description('import a retention schedule (item number, series title, retention, disposition, citation)')
      .argument('<catalog>', 'the catalog file (".transmittal" is added if missing)')
      .argument('<file>', 'the spreadsheet to import'),
  )
    .addHelpText('after', '\nExample:\n  transmittal schedule import permits schedule.xlsx')
    .action((catalog: string, file: string, options: ImportOptions) => runImport(context, catalog, file, 'schedule', options));
}
