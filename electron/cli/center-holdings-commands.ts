// A records center's work from the command line: `intake`, `intake-box-list`, `amendments intake`, `checkin`, `locations add|import|list`,
// `accession`, `acknowledge` and `holdings list|search`, through the same session and checks as the app.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { AccessionSummary, CheckInResult } from '../../shared/api/contract-center';
import { holdingBoxStatusLabels } from '../../shared/center/holdings';
import { count } from '../../shared/domain/words';
import { CliError, usageError } from './cli-errors';
import { withCatalog, type Call } from './catalog-session';
import { decimalNumber, positiveWholeNumber, type CommandContext } from './command-context';
import { formatTable, printJson, type CliOutput } from './output';

const catalogArgument = ['<catalog>', 'the records center catalog (".transmittal" is added if missing)'] as const;
const transferArgument = ['<transfer>', 'the transfer number as the department sent it, or the accession number'] as const;

/** An accession by its accession number, the department's transfer number (any case), or its id. */
async function findAccession(call: Call, wanted: string, catalog: string): Promise<AccessionSummary> {
  const accessions = await call('center.accessions', {});
  const text = wanted.trim().toLowerCase();
  const byNumber = accessions.filter((each) => each.accessionNumber.toLowerCase() === text || each.transferNumber.toLowerCase() === text);
  if (byNumber.length === 1) return byNumber[0];
  if (byNumber.length > 1) {
    throw new CliError('domain', {
      code: 'invalid-input',
      message: `${byNumber.length} accessions answer to "${wanted}" (${byNumber.map((each) => `${each.accessionNumber} from ${each.department.name}`).join(', ')}); give the accession number`,
      details: { option: '<transfer>' },
    });
  }
  const byId = /^\d+$/.test(text) ? accessions.find((each) => each.id === Number(text)) : undefined;
  if (byId) return byId;
  throw new CliError('domain', {
    code: 'not-found',
    message: `there is no transfer or accession "${wanted}" in this catalog (see: transmittal holdings list "${catalog}")`,
    details: { option: '<transfer>' },
  });
}

/** "1-3" or "4": a range of whole numbers. */
function numberRange(text: string): { from: number; to: number } {
  const match = /^\s*(\d{1,4})\s*(?:[-–]\s*(\d{1,4})\s*)?$/.exec(text);
  if (!match) throw usageError(`"${text}" is not a range: give it as 1-3, or a single number.`);
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (to < from) throw usageError(`"${text}" runs backwards: give the lower number first.`);
  return { from, to };
}

const collect = (value: string, all: string[] = []) => [...all, value];

function printCheckIn(output: CliOutput, result: CheckInResult): void {
  for (const outcome of result.outcomes) output.stdout(`${outcome.changed ? '' : '(unchanged) '}${outcome.message}\n`);
  output.stdout(
    `Accession ${result.accessionNumber}: ${count(result.discrepanciesRecorded, 'discrepancy', 'discrepancies')} recorded; ` +
      `${result.stillExpected === 0 ? 'every listed box is checked in' : `${count(result.stillExpected, 'box', 'boxes')} still to check in`}.\n`,
  );
}

export function registerCenterHoldingsCommands(program: Command, { output, openSession }: CommandContext): void {
  program
    .command('intake')
    .description('take in a transfer package (folder or .zip, verified first) or a manifest.json as a new accession')
    .argument(...catalogArgument)
    .argument('<package-or-manifest>', 'the package folder, the package .zip, or a manifest.json')
    .option('--json', 'print the accession as JSON')
    .addHelpText('after', '\nExample:\n  transmittal intake "City Records Center" PW-2026-003.zip')
    .action(async (catalog: string, source: string, options: { json?: boolean }) => {
      const taken = await withCatalog({ openSession, catalog, work: (call) => call('center.intake', { file: { path: resolve(source) } }) });
      if (options.json) return printJson(output, taken);
      const { accession } = taken;
      output.stdout(
        `Took in transfer ${accession.transferNumber} from ${accession.department.name} as accession ${accession.accessionNumber}: ` +
          `${count(accession.totals.boxes, 'box', 'boxes')}, ${count(accession.totals.folders, 'folder')}, fingerprint ${accession.manifestFingerprint}.\n`,
      );
      for (const warning of taken.warnings) output.stdout(`warning  ${warning}\n`);
    });

  program
    .command('intake-box-list')
    .description('take in a plain box list (.xlsx, .xls, .ods, .csv) from a department that does not use Transmittal, as a new accession')
    .argument(...catalogArgument)
    .argument('<file>', 'the box list, with a Box column and folder titles (or box contents) as the import reads them')
    .requiredOption('--department <name>', 'the department the list comes from')
    .option('--code <code>', 'the department’s code (it starts the transfer and accession numbers)', '')
    .option('--sheet <name>', 'the sheet to read (default: the one whose columns are recognised best)')
    .option('--transfer <number>', 'the department’s number for this transfer (default: <code>-BL-<year>-<NNN>, the next free)')
    .option('--json', 'print the accession as JSON')
    .addHelpText('after', '\nExample:\n  transmittal intake-box-list "City Records Center" parks-boxes.xlsx --department "Parks" --code PK')
    .action(async (catalog: string, file: string, options: { department: string; code: string; sheet?: string; transfer?: string; json?: boolean }) => {
      const taken = await withCatalog({
        openSession,
        catalog,
        work: (call) =>
          call('center.intakeBoxList', {
            file: { path: resolve(file) }, department: { name: options.department, code: options.code }, sheet: options.sheet, transferNumber: options.transfer,
          }),
      });
      if (options.json) return printJson(output, taken);
      const { accession } = taken;
      output.stdout(
        `Took in the box list ${file} from ${accession.department.name} as transfer ${accession.transferNumber}, accession ${accession.accessionNumber}: ` +
          `${count(accession.totals.boxes, 'box', 'boxes')}, ${count(accession.totals.folders, 'folder')}, fingerprint ${accession.manifestFingerprint}.\n`,
      );
      for (const warning of taken.warnings) output.stdout(`warning  ${warning}\n`);
    });

  const amendments = program.command('amendments').description('corrections a department sent after a transfer the center took in');
  amendments
    .command('intake')
    .description('apply a department’s corrections (<transfer>-amendments.json) to the accession they correct; the same file twice changes nothing')
    .argument(...catalogArgument)
    .argument('<file>', 'the amendments file the department sent (<transfer>-amendments.json)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExample:\n  transmittal amendments intake "City Records Center" PW-2026-003-amendments.json')
    .action(async (catalog: string, file: string, options: { json?: boolean }) => {
      const done = await withCatalog({ openSession, catalog, work: (call) => call('center.intakeAmendments', { file: { path: resolve(file) } }) });
      if (options.json) return printJson(output, done);
      for (const conflict of done.conflicts) output.stdout(`not applied  ${conflict.message}\n`);
      output.stdout(`${done.message}\n`);
    });

  program
    .command('checkin')
    .description('check boxes in by barcode or box number: received, damaged, missing, or extra boxes not on the manifest')
    .argument(...catalogArgument)
    .argument(...transferArgument)
    .option('--received <box...>', 'boxes that arrived in good order (barcode or box number)')
    .option('--damaged <box...>', 'boxes that arrived damaged (say how with --note)')
    .option('--missing <box...>', 'boxes on the manifest that did not arrive')
    .option('--note <text>', 'what is wrong with the damaged boxes (and any note for the missing ones)')
    .option('--extra <description>', 'a box that came but is not on the manifest, as written on it (repeatable)', collect)
    .option('--json', 'print the outcome as JSON')
    .addHelpText('after', '\nExample:\n  transmittal checkin "City Records Center" PW-2026-003 --received 1 3 --missing 2 --extra "Unlabelled box"')
    .action(async (catalog: string, number: string, options: { received?: string[]; damaged?: string[]; missing?: string[]; note?: string; extra?: string[]; json?: boolean }) => {
      if (options.damaged?.length && !options.note?.trim()) throw usageError('Say how the damaged boxes are damaged with --note.');
      const boxes = [
        ...(options.received ?? []).map((box) => ({ box, status: 'received' as const })),
        ...(options.damaged ?? []).map((box) => ({ box, status: 'damaged' as const, note: options.note ?? '' })),
        ...(options.missing ?? []).map((box) => ({ box, status: 'missing' as const, note: options.note ?? '' })),
      ];
      const extra = (options.extra ?? []).map((description) => ({ description }));
      if (boxes.length + extra.length === 0) throw usageError('Say which boxes: --received, --damaged, --missing or --extra.');
      const result = await withCatalog({
        openSession,
        catalog,
        work: async (call) => call('center.checkIn', { accessionId: (await findAccession(call, number, catalog)).id, boxes, extra }),
      });
      if (options.json) printJson(output, result);
      else printCheckIn(output, result);
    });

  const locations = program.command('locations').description('shelf locations of a records center: add in bulk, import from a spreadsheet, list with what is free');
  locations
    .command('add')
    .description('set up shelf positions in bulk: every row, bay and shelf of the ranges, with so many positions a shelf')
    .argument(...catalogArgument)
    .requiredOption('--building <name>', 'the building (e.g. A)')
    .option('--room <name>', 'the room, if the building has several', '')
    .requiredOption('--rows <range>', 'rows, e.g. 1-3', numberRange)
    .requiredOption('--bays <range>', 'bays in each row, e.g. 1-4', numberRange)
    .requiredOption('--shelves <range>', 'shelves in each bay, e.g. 1-5', numberRange)
    .requiredOption('--positions <n>', 'box positions on each shelf', positiveWholeNumber)
    .requiredOption('--capacity <cubic-feet>', 'what one position holds, in cubic feet (a standard box is 1.2)', decimalNumber)
    .option('--json', 'print the counts as JSON')
    .addHelpText('after', '\nExample:\n  transmittal locations add "City Records Center" --building A --rows 1-3 --bays 1-4 --shelves 1-5 --positions 4 --capacity 1.2')
    .action(async (catalog: string, options: { building: string; room: string; rows: { from: number; to: number }; bays: { from: number; to: number }; shelves: { from: number; to: number }; positions: number; capacity: number; json?: boolean }) => {
      const added = await withCatalog({
        openSession,
        catalog,
        work: (call) =>
          call('center.addLocations', {
            building: options.building, room: options.room, rows: options.rows, bays: options.bays, shelves: options.shelves,
            positionsPerShelf: options.positions, capacityCubicFeet: options.capacity,
          }),
      });
      if (options.json) return printJson(output, added);
      const kept = added.alreadyThere ? ` (${added.alreadyThere.toLocaleString('en-US')} already there, kept as they were)` : '';
      output.stdout(`Added ${count(added.added, 'shelf position')} in building ${options.building}${kept}.\n`);
    });

  locations
    .command('import')
    .description('set up the shelf positions a spreadsheet lists, one a row (Building, Room, Row, Bay, Shelf, Position, Capacity); a bad row adds nothing')
    .argument(...catalogArgument)
    .argument('<file>', 'the .xlsx, .xls, .ods or .csv file listing the positions')
    .option('--json', 'print the counts as JSON')
    .addHelpText('after', '\nExample:\n  transmittal locations import "City Records Center" shelves.xlsx')
    .action(async (catalog: string, file: string, options: { json?: boolean }) => {
      const added = await withCatalog({ openSession, catalog, work: (call) => call('center.importLocations', { file: { path: resolve(file) } }) });
      if (options.json) return printJson(output, added);
      const kept = added.alreadyThere ? ` (${added.alreadyThere.toLocaleString('en-US')} already there, kept as they were)` : '';
      output.stdout(`Added ${count(added.added, 'shelf position')} from ${file}${kept}.\n`);
    });

  locations
    .command('list')
    .description('list shelf positions in address order, with the box each holds')
    .argument(...catalogArgument)
    .option('--free', 'only the free positions')
    .option('--limit <n>', 'how many to list', positiveWholeNumber, 200)
    .option('--json', 'print the list as JSON')
    .action(async (catalog: string, options: { free?: boolean; limit: number; json?: boolean }) => {
      const list = await withCatalog({ openSession, catalog, readOnly: true, work: (call) => call('center.locations', { freeOnly: options.free ?? false, limit: Math.min(options.limit, 1000) }) });
      if (options.json) return printJson(output, list);
      output.stdout(
        formatTable(
          ['Location', 'Capacity', 'Box', 'Accession', 'Label'],
          list.rows.map((row) => [row.words, row.capacityCubicFeet, row.box?.centerBoxNumber ?? (row.box ? '' : 'free'), row.box?.accessionNumber ?? '', row.box?.label ?? '']),
        ),
      );
      output.stdout(`${count(list.totals.positions, 'position')}: ${list.totals.used} used, ${list.totals.free} free.\n`);
    });

  program
    .command('accession')
    .description('number and shelve the boxes of a checked-in transfer (the next free positions that fit)')
    .argument(...catalogArgument)
    .argument(...transferArgument)
    .option('--locations <how>', 'where the boxes go: auto (the next free positions that fit)', 'auto')
    .option('--json', 'print the accession as JSON')
    .addHelpText('after', '\nExample:\n  transmittal accession "City Records Center" PW-2026-003 --locations auto')
    .action(async (catalog: string, number: string, options: { locations: string; json?: boolean }) => {
      if (options.locations !== 'auto') throw usageError('--locations takes only "auto" here; choose positions one by one in the app.');
      const detail = await withCatalog({
        openSession,
        catalog,
        work: async (call) => call('center.accession', { accessionId: (await findAccession(call, number, catalog)).id, locations: 'auto' }),
      });
      if (options.json) return printJson(output, detail);
      output.stdout(
        formatTable(
          ['Box', 'Label', 'Status', 'Center box', 'Location'],
          detail.boxes.map((box) => [box.sequence ?? 'extra', box.label, holdingBoxStatusLabels[box.status], box.centerBoxNumber, box.location]),
        ),
      );
      output.stdout(`Accession ${detail.accessionNumber} (transfer ${detail.transferNumber}) is accessioned.\n`);
    });

  program
    .command('acknowledge')
    .description('write the acknowledgment for the department: what was found, box numbers, locations, discrepancies')
    .argument(...catalogArgument)
    .argument(...transferArgument)
    .requiredOption('--out <dir>', 'the folder to write <transfer>-acknowledgment.json into')
    .option('--json', 'print the path and fingerprint as JSON')
    .addHelpText('after', '\nExample:\n  transmittal acknowledge "City Records Center" PW-2026-003 --out outbox')
    .action(async (catalog: string, number: string, options: { out: string; json?: boolean }) => {
      const written = await withCatalog({
        openSession,
        catalog,
        work: async (call) => call('center.acknowledge', { accessionId: (await findAccession(call, number, catalog)).id, outDir: resolve(options.out) }),
      });
      const { download: _download, ...shown } = written;
      if (options.json) return printJson(output, shown);
      output.stdout(`Wrote ${written.path}\nFingerprint ${written.fingerprint}\n`);
    });

  const holdings = program.command('holdings').description('what a records center holds: accessions, and search over every folder');
  holdings
    .command('list')
    .description('list the accessions taken in, newest first')
    .argument(...catalogArgument)
    .option('--json', 'print the accessions as JSON')
    .action(async (catalog: string, options: { json?: boolean }) => {
      const accessions = await withCatalog({ openSession, catalog, readOnly: true, work: (call) => call('center.accessions', {}) });
      if (options.json) return printJson(output, accessions);
      if (accessions.length === 0) return output.stdout('Nothing has been taken in yet.\n');
      output.stdout(
        formatTable(
          ['Accession', 'Transfer', 'Department', 'Status', 'Boxes', 'Missing', 'Extra', 'Received'],
          accessions.map((each) => [
            each.accessionNumber, each.transferNumber, each.department.name, each.status, each.totals.boxes, each.totals.missing, each.totals.extra, each.receivedAt.slice(0, 10),
          ]),
        ),
      );
    });

  holdings
    .command('search')
    .description('search every folder held: words of titles, file codes, notes and box labels')
    .argument(...catalogArgument)
    .argument('[words...]', 'words to find (each must match, as the start of a word)')
    .option('--department <name-or-code>', 'only this department’s holdings')
    .option('--box <barcode>', 'only the box with this barcode')
    .option('--accession <number>', 'only this accession (or transfer number)')
    .option('--location <words>', 'only boxes shelved at a location containing these words, e.g. "Row 3 / Bay 2"')
    .option('--limit <n>', 'how many folders to list', positiveWholeNumber, 50)
    .option('--json', 'print the page as JSON')
    .addHelpText('after', '\nExample:\n  transmittal holdings search "City Records Center" oak permits --department PW')
    .action(async (catalog: string, words: string[], options: { department?: string; box?: string; accession?: string; location?: string; limit: number; json?: boolean }) => {
      const page = await withCatalog({
        openSession,
        catalog,
        readOnly: true,
        work: async (call) => {
          let departmentId: number | undefined;
          if (options.department) {
            const wanted = options.department.trim().toLowerCase();
            const found = (await call('center.departments', {})).find((each) => each.code.toLowerCase() === wanted || each.name.toLowerCase() === wanted);
            if (!found) throw new CliError('domain', { code: 'not-found', message: `no department "${options.department}" has sent anything here`, details: { option: '--department' } });
            departmentId = found.id;
          }
          return call('center.search', {
            query: words.join(' '), departmentId, boxCode: options.box, accessionNumber: options.accession, location: options.location, limit: Math.min(options.limit, 500),
          });
        },
      });
      if (options.json) return printJson(output, page);
      if (page.rows.length === 0) return output.stdout('No folder matches.\n');
      output.stdout(
        formatTable(
          ['Accession', 'Box', 'Center box', 'Location', 'No.', 'Title', 'File code'],
          page.rows.map((hit) => [hit.accessionNumber, hit.boxLabel, hit.centerBoxNumber, hit.location, hit.position, hit.title, hit.fileCode]),
        ),
      );
      output.stdout(`${page.totalIsLowerBound ? `More than ${page.total.toLocaleString('en-US')}` : count(page.total, 'folder')} found${page.rows.length < page.total ? `; the first ${page.rows.length} shown` : ''}.\n`);
    });

  program
    .command('accession-pattern')
    .description('show or set how accession numbers are made: {DEPT} the department code, {YYYY} the year, {NNNN} the running number')
    .argument(...catalogArgument)
    .argument('[pattern]', 'the new pattern, e.g. "{DEPT}-{YYYY}-{NNNN}" (omit to show the current one)')
    .option('--json', 'print the setting as JSON')
    .action(async (catalog: string, pattern: string | undefined, options: { json?: boolean }) => {
      const settings = await withCatalog({
        openSession,
        catalog,
        readOnly: pattern === undefined,
        work: (call) => (pattern === undefined ? call('center.settings', {}) : call('center.setAccessionPattern', { pattern })),
      });
      if (options.json) return printJson(output, settings);
      output.stdout(`Accession numbers follow ${settings.accessionNumberPattern} (department PW's next would look like ${settings.example}).\n`);
    });

  program
    .command('notice-period')
    .description('show or set the records center’s notice period: the days a department has to answer a disposition notice')
    .argument(...catalogArgument)
    .argument('[days]', 'the new notice period in days, 1 to 3650 (omit to show the current one)', positiveWholeNumber)
    .option('--json', 'print the settings as JSON')
    .addHelpText('after', '\nExample:\n  transmittal notice-period "City Records Center" 60')
    .action(async (catalog: string, days: number | undefined, options: { json?: boolean }) => {
      const settings = await withCatalog({
        openSession,
        catalog,
        readOnly: days === undefined,
        work: (call) => (days === undefined ? call('center.settings', {}) : call('center.setNoticeDays', { days })),
      });
      if (options.json) return printJson(output, settings);
      output.stdout(`Departments have ${count(settings.noticeDays, 'day')} to answer a disposition notice${days === undefined ? '' : ' written from now on'}.\n`);
    });
}
