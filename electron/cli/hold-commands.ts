// `transmittal hold …`: legal holds on either side. What a hold covers is never put on a disposition notice nor
// destroyed until it is lifted; a department's hold goes to the center as a file the center takes in with
// `transmittal disposition import`, and the center's acknowledgment (`hold acknowledge`) comes back the same way.
import type { Command } from 'commander';
import type { HoldDetail, HoldSummary } from '../../shared/api/contract-disposition';
import { findBox } from './add-commands';
import { usageError } from './cli-errors';
import { withCatalog, type Call } from './catalog-session';
import type { CommandContext } from './command-context';
import { catalogArgument, isoDate, notFound, outDir } from './disposition-commands';
import { count, formatTable, printJson } from './output';

const holdArgument = ['<hold>', 'the hold number, as `transmittal hold list` shows it (PW-LH-2026-0002)'] as const;

async function findHold(call: Call, number: string, catalog: string): Promise<HoldSummary> {
  const wanted = number.trim().toLowerCase();
  const found = (await call('holds.list', { show: 'all' })).find((hold) => hold.number.toLowerCase() === wanted);
  if (found) return found;
  throw notFound(`there is no legal hold "${number.trim()}" in this catalog (see: transmittal hold list "${catalog}" --all)`, '<hold>');
}

/** A holding box at the center by its box id (the barcode on its label). */
async function centerBoxId(call: Call, code: string): Promise<number> {
  const hits = await call('center.search', { query: '', boxCode: code.trim(), offset: 0, limit: 1 });
  if (hits.rows.length > 0) return hits.rows[0].holdingBoxId;
  throw notFound(`there is no box with box id "${code.trim()}" in these holdings; give the box id printed on its label`, '--box');
}

/** A department's folder by its box label and its number in the box. */
async function folderId(call: Call, label: string, position: number, catalog: string): Promise<number> {
  const box = await findBox(call, label, catalog);
  const folders = (await call('folders.list', { offset: 0, limit: 1000, filter: { query: '', boxId: box.id } })).rows;
  const found = folders.find((folder) => folder.position === position);
  if (found) return found.id;
  throw notFound(`box ${box.label} has no folder ${position} (it has ${count(folders.length, 'folder', 'folders')})`, '--folder');
}

/** A folder at the center by its box's id (the barcode on its label) and its number in the box. */
async function centerFolderId(call: Call, code: string, position: number): Promise<number> {
  const hits = await call('center.search', { query: '', boxCode: code.trim(), offset: 0, limit: 500 });
  const found = hits.rows.find((hit) => hit.position === position);
  if (found) return found.folderId;
  if (hits.rows.length === 0) throw notFound(`there is no box with box id "${code.trim()}" in these holdings; give the box id printed on its label`, '--folder');
  throw notFound(`box ${code.trim()} has no folder ${position}`, '--folder');
}

/** A department's hold at the center: "sent 2026-03-02, acknowledged 2026-03-04", "sent 2026-03-02, not acknowledged yet". */
export function atCenterWords(file: HoldSummary['latestFile']): string {
  if (!file) return '';
  const what = file.state === 'lifted' ? 'lifting sent' : 'sent';
  return `${what} ${file.writtenAt.slice(0, 10)}, ${file.acknowledgedAt ? `acknowledged ${file.acknowledgedAt.slice(0, 10)}` : 'not acknowledged yet'}`;
}

function holdTable(rows: HoldSummary[]): string {
  const department = rows.some((row) => row.origin === 'department');
  return formatTable(
    ['Hold', 'Name', 'Matter', 'Asked by', 'Placed', 'Boxes', 'Folders', 'Lifted', ...(department ? ['At the center'] : [])],
    rows.map((row) => [row.number, row.name, row.matter, row.requestedBy, row.placedAt.slice(0, 10), row.boxes, row.folders,
      row.liftedAt ? `${row.liftedAt.slice(0, 10)}: ${row.liftReason ?? ''}` : '', ...(department ? [atCenterWords(row.latestFile)] : [])]),
  );
}

function printHold(hold: HoldDetail): string {
  const lines = [
    `Legal hold ${hold.number} “${hold.name}”${hold.matter ? ` for ${hold.matter}` : ''}${hold.requestedBy ? `, asked by ${hold.requestedBy}` : ''}`,
    `Placed ${hold.placedAt.slice(0, 10)} by ${hold.placedBy}${hold.liftedAt ? `; lifted ${hold.liftedAt.slice(0, 10)}: ${hold.liftReason ?? ''}` : ''}`,
    hold.takenIn ? `Taken in from the department's file on ${hold.takenIn.at.slice(0, 10)} by ${hold.takenIn.by}` : '',
    `Covers ${count(hold.boxes, 'box', 'boxes')} and ${count(hold.folders, 'folder')}:`,
    ...hold.covers.slice(0, 50).map((covered) => `  ${covered.folderPosition === null ? `Box ${covered.boxLabel} (whole box)` : `Folder ${covered.folderPosition} “${covered.title ?? ''}” in box ${covered.boxLabel}`}`),
    hold.covers.length > 50 ? `  … and ${hold.covers.length - 50} more` : '',
    ...hold.filesSent.map((file) => {
      const said = `${file.state === 'lifted' ? 'Lifting' : 'Hold'} file written ${file.writtenAt.slice(0, 10)} for ${file.center} (${file.fingerprint.slice(0, 12)}…)`;
      if (!file.acknowledged) return `${said}: not acknowledged yet`;
      const held = file.state === 'lifted' ? 'lifted there' : `${count(file.acknowledged.boxes, 'whole box', 'whole boxes')} and ${count(file.acknowledged.folders, 'folder')} held there`;
      return `${said}: acknowledged, taken in ${file.acknowledged.takenInAt.slice(0, 10)} as ${file.acknowledged.centerNumber}, ${held}`;
    }),
  ];
  return `${lines.filter(Boolean).join('\n')}\n`;
}

export function registerHoldCommands(program: Command, { output, openSession }: CommandContext): void {
  const hold = program.command('hold').description('legal holds: what they cover is never put on a notice nor destroyed, until the hold is lifted');

  hold
    .command('add')
    .description('place a legal hold on everything it covers: series, a date range, boxes, words in folder titles (any of them)')
    .argument(...catalogArgument)
    .requiredOption('--name <name>', 'the hold’s name ("Elm Street litigation")')
    .option('--matter <text>', 'the lawsuit, audit or records request it is for')
    .option('--requested-by <who>', 'who asked for it')
    .option('--series <item...>', 'schedule item numbers ("GS 1010")')
    .option('--from <date>', 'folders with dates from this day, as YYYY-MM-DD', isoDate)
    .option('--to <date>', 'folders with dates up to this day, as YYYY-MM-DD', isoDate)
    .option('--box <label...>', 'whole boxes: by label in a department, by box id at a records center')
    .option('--folder <box:number...>', 'single folders, as the box (label, or box id at a records center), a colon and the folder’s number: PW-2:3')
    .option('--words <words>', 'folders whose titles have all these words')
    .option('--json', 'print the hold as JSON')
    .addHelpText('after', '\nExample:\n  transmittal hold add permits --name "Elm Street litigation" --matter "Case 24-118" --requested-by "City Attorney" --words "Elm Street"')
    .action(async (catalog: string, options: { name: string; matter?: string; requestedBy?: string; series?: string[]; from?: string; to?: string; box?: string[]; folder?: string[]; words?: string; json?: boolean }) => {
      if (!options.series?.length && !options.from && !options.to && !options.box?.length && !options.folder?.length && !options.words?.trim()) {
        throw usageError('say what the hold covers: --series, --from/--to, --box, --folder or --words');
      }
      const folders = (options.folder ?? []).map((named) => {
        const match = /^(.+):(\d+)$/.exec(named.trim());
        if (!match) throw usageError(`--folder ${named}: give the box, a colon and the folder's number (PW-2:3)`);
        return { box: match[1].trim(), position: Number(match[2]) };
      });
      const placed = await withCatalog({
        openSession,
        catalog,
        work: async (call, info) => {
          const boxIds: number[] = [];
          for (const named of options.box ?? []) boxIds.push(info.role === 'records-center' ? await centerBoxId(call, named) : (await findBox(call, named, catalog)).id);
          const folderIds: number[] = [];
          for (const named of folders) folderIds.push(info.role === 'records-center' ? await centerFolderId(call, named.box, named.position) : await folderId(call, named.box, named.position, catalog));
          return call('holds.create', {
            name: options.name, matter: options.matter ?? '', requestedBy: options.requestedBy ?? '',
            scope: { itemNumbers: options.series ?? [], dateFrom: options.from ?? null, dateTo: options.to ?? null, boxIds, folderIds, words: options.words ?? '' },
          });
        },
      });
      if (options.json) return printJson(output, placed);
      output.stdout(`Placed legal hold ${placed.number} “${placed.name}”: it holds ${count(placed.boxes, 'box', 'boxes')} and ${count(placed.folders, 'folder', 'folders')}.\n`);
      for (const covered of placed.covers.slice(0, 20)) {
        output.stdout(`  ${covered.folderPosition === null ? `Box ${covered.boxLabel} (whole box)` : `Folder ${covered.folderPosition} “${covered.title ?? ''}” in box ${covered.boxLabel}`}\n`);
      }
      if (placed.covers.length > 20) output.stdout(`  … and ${placed.covers.length - 20} more\n`);
      if (placed.origin === 'department') output.stdout(`Tell the records center: transmittal hold write "${catalog}" ${placed.number}\n`);
    });

  hold
    .command('lift')
    .description('lift a legal hold, with the reason; what another hold covers stays held')
    .argument(...catalogArgument)
    .argument(...holdArgument)
    .requiredOption('--reason <text>', 'why the hold is lifted')
    .option('--json', 'print the hold as JSON')
    .action(async (catalog: string, number: string, options: { reason: string; json?: boolean }) => {
      const lifted = await withCatalog({
        openSession, catalog, work: async (call) => call('holds.lift', { id: (await findHold(call, number, catalog)).id, reason: options.reason }),
      });
      if (options.json) return printJson(output, lifted);
      output.stdout(`Lifted legal hold ${lifted.number} “${lifted.name}”: ${lifted.liftReason ?? options.reason}\n`);
      if (lifted.origin === 'department') output.stdout(`Tell the records center: transmittal hold write "${catalog}" ${lifted.number}\n`);
    });

  hold
    .command('list')
    .description('the legal holds: active ones (default) or every one')
    .argument(...catalogArgument)
    .option('--all', 'lifted holds too')
    .option('--json', 'print the list as JSON')
    .action(async (catalog: string, options: { all?: boolean; json?: boolean }) => {
      const rows = await withCatalog({ openSession, catalog, readOnly: true, work: (call) => call('holds.list', { show: options.all ? 'all' : 'active' }) });
      if (options.json) return printJson(output, rows);
      if (rows.length === 0) return output.stdout(`No ${options.all ? '' : 'active '}legal holds.\n`);
      output.stdout(holdTable(rows));
      output.stdout(`${count(rows.length, options.all ? 'hold' : 'active hold')}.\n`);
    });

  hold
    .command('write')
    .description('write a department’s hold as a file for the records center, which takes it in with `transmittal disposition import`')
    .argument(...catalogArgument)
    .argument(...holdArgument)
    .option('--out <dir>', 'write it here (default: the Disposition folder beside the catalog)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExample:\n  transmittal hold write permits PW-LH-2026-0002 --out outbox')
    .action(async (catalog: string, number: string, options: { out?: string; json?: boolean }) => {
      const written = await withCatalog({
        openSession, catalog, work: async (call) => call('holds.write', { id: (await findHold(call, number, catalog)).id, outDir: outDir(options.out) }),
      });
      if (options.json) return printJson(output, written);
      output.stdout(`${written.message}\nWrote ${written.path} (fingerprint ${written.fingerprint})\n`);
    });

  hold
    .command('show')
    .description('one legal hold: what it covers, and (a department\'s) the files sent to the center and whether the center acknowledged them')
    .argument(...catalogArgument)
    .argument(...holdArgument)
    .option('--json', 'print the hold as JSON')
    .action(async (catalog: string, number: string, options: { json?: boolean }) => {
      const detail = await withCatalog({
        openSession, catalog, readOnly: true, work: async (call) => call('holds.get', { id: (await findHold(call, number, catalog)).id }),
      });
      if (options.json) return printJson(output, detail);
      output.stdout(printHold(detail));
    });

  hold
    .command('acknowledge')
    .description('(records center) write the acknowledgment of a department\'s hold taken in, for the department to take in with `transmittal disposition import`')
    .argument(...catalogArgument)
    .argument(...holdArgument)
    .option('--out <dir>', 'write it here (default: the Disposition folder beside the catalog)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExample:\n  transmittal hold acknowledge "City Records Center" PW-LH-2026-0002 --out outbox')
    .action(async (catalog: string, number: string, options: { out?: string; json?: boolean }) => {
      const written = await withCatalog({
        openSession, catalog, work: async (call) => call('holds.acknowledge', { id: (await findHold(call, number, catalog)).id, outDir: outDir(options.out) }),
      });
      if (options.json) return printJson(output, written);
      output.stdout(`${written.message}\nWrote ${written.path} (fingerprint ${written.fingerprint})\n`);
    });
}
