// `transmittal retrieval …` and `transmittal where`: getting records back, from either side. A department asks for
// boxes or folders (in its own labels and folder numbers), takes in the center's updates and asks where anything is;
// a records center takes requests in and records each step by the request's number. A step writes nothing but the
// catalog: the department hears of it only from the update file `retrieval update` writes.
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ApiInput } from '../../shared/api/contract';
import type {
  CenterRequestDetail,
  CenterRequestRecordInput,
  CenterRequestSummary,
  RetrievalSummary,
  WhereHit,
} from '../../shared/api/contract-retrieval';
import type { Box } from '../../shared/domain/types';
import { retrievalStatusLabels, type RetrievalService } from '../../shared/exchange/retrieval';
import { findBox } from './add-commands';
import { CliError, usageError } from './cli-errors';
import { withCatalog, type Call } from './catalog-session';
import type { CommandContext } from './command-context';
import { count, formatTable, printJson } from './output';

const catalogArgument = ['<catalog>', 'the catalog file (".transmittal" is added if missing)'] as const;
const centerCatalogArgument = ['<catalog>', 'the records center catalog (".transmittal" is added if missing)'] as const;
const requestArgument = ['<request>', 'the request number, as the department wrote it (PW-RQ-2026-0007)'] as const;

/** What a person asks for, in the words --type takes; a loan is of the folders given, or else of whole boxes. */
const requestTypes = ['loan', 'copy', 'review', 'withdrawal'] as const;
type RequestType = (typeof requestTypes)[number];

function isoDate(text: string): string {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed) || Number.isNaN(Date.parse(`${trimmed}T00:00:00Z`))) throw new InvalidArgumentError('Expected a date as YYYY-MM-DD.');
  return trimmed;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface RequestOptions {
  box?: string[];
  folder?: string[];
  type: RequestType;
  neededBy?: string;
  for?: string;
  deliverTo?: string;
  note?: string;
  urgent?: boolean;
  out?: string;
  json?: boolean;
}

function serviceFor(type: RequestType, folders: boolean): RetrievalService {
  if (type === 'loan') return folders ? 'folder-loan' : 'box-loan';
  return type;
}

/** Folder ids of one box by their numbers in it. */
async function folderIds(call: Call, box: Box, positions: string[]): Promise<number[]> {
  const folders = (await call('folders.list', { filter: { query: '', boxId: box.id }, offset: 0, limit: 1000 })).rows;
  return positions.map((position) => {
    const found = folders.find((each) => String(each.position) === position.trim());
    if (!found) {
      throw new CliError('domain', {
        code: 'not-found',
        message: `box ${box.label} has no folder ${position} (it has ${count(folders.length, 'folder', 'folders')})`,
        details: { option: '--folder' },
      });
    }
    return found.id;
  });
}

/**
 * A folder named on its own (no --box): by its file code or its title as written, found through `where`. Exactly one
 * folder must answer; several are listed so the person can add --box.
 */
async function folderByOwnWords(call: Call, words: string): Promise<number> {
  const hits = (await call('catalog.where', { query: words, limit: 50 })).filter((hit) => hit.folderId !== null);
  const wanted = words.trim().toLowerCase();
  const exact = hits.filter((hit) => hit.fileCode?.toLowerCase() === wanted || hit.title?.toLowerCase() === wanted);
  const found = exact.length > 0 ? exact : hits;
  if (found.length === 1) return found[0].folderId!;
  if (found.length === 0) {
    throw new CliError('domain', { code: 'not-found', message: `no folder has the file code or title “${words}”`, details: { option: '--folder' } });
  }
  const listed = found.slice(0, 5).map((hit) => `folder ${hit.folderPosition} “${hit.title}” in box ${hit.boxLabel}`).join('; ');
  throw new CliError('domain', {
    code: 'invalid-input',
    message: `${found.length} folders answer “${words}” (${listed}${found.length > 5 ? '; …' : ''}): add --box with the box label and give the folder's number`,
    details: { option: '--folder' },
  });
}

/** Every request at the center (pages of up to 1,000), for finding one by its number. */
async function centerRequests(call: Call, show: 'open' | 'overdue' | 'all'): Promise<CenterRequestSummary[]> {
  const rows: CenterRequestSummary[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await call('center.requests', { show, offset, limit: 1000 });
    rows.push(...page.rows);
    if (page.rows.length < 1000 || rows.length >= page.total) return rows;
  }
}

async function findCenterRequest(call: Call, number: string, catalog: string): Promise<CenterRequestSummary> {
  const wanted = number.trim().toLowerCase();
  const found = (await centerRequests(call, 'all')).find((request) => request.number.toLowerCase() === wanted);
  if (found) return found;
  throw new CliError('domain', {
    code: 'not-found',
    message: `there is no retrieval request "${number.trim()}" in this catalog (see: transmittal retrieval list "${catalog}" --all)`,
    details: { option: '<request>' },
  });
}

/** A shelf position by its address in words ("Building A / Row 1 / Bay 1 / Shelf 1 / Position 2"), spacing and case aside. */
async function findLocation(call: Call, words: string): Promise<number> {
  const normal = (text: string) => text.toLowerCase().replace(/\s*\/\s*/g, '/').replace(/\s+/g, ' ').trim();
  const wanted = normal(words);
  for (let offset = 0; ; offset += 1000) {
    const page = await call('center.locations', { freeOnly: false, offset, limit: 1000 });
    const found = page.rows.find((row) => normal(row.words) === wanted);
    if (found) return found.id;
    if (page.rows.length < 1000 || offset + page.rows.length >= page.total) break;
  }
  throw new CliError('domain', {
    code: 'not-found',
    message: `there is no shelf position "${words.trim()}" in this catalog; write it as "transmittal locations list" shows it (Building A / Row 1 / Bay 1 / Shelf 1 / Position 2)`,
    details: { option: '--location' },
  });
}

const ITEM_WORDS: Record<string, string> = {
  pulled: 'pulled from the shelf',
  returned: 'back at the center, not yet re-filed',
  withdrawn: 'withdrawn to the department for good',
};

function itemLine(item: CenterRequestDetail['requestItems'][number]): string {
  const what = item.folder ? `Folder ${item.folder.position} “${item.folder.title}” in box ${item.boxLabel}` : `Box ${item.boxLabel}`;
  const at = item.location ? ` at ${item.location}` : '';
  const state =
    item.status === 'checked-out'
      ? `checked out to ${item.checkedOutTo ?? 'someone not named'}${item.dueBack ? `, due back ${item.dueBack}` : ''}`
      : item.status === 'refiled'
        ? `re-filed${at}`
        : item.status === 'requested'
          ? `not yet pulled${at}`
          : ITEM_WORDS[item.status] ?? item.status;
  return `  ${what} (${item.boxId}, center box ${item.centerBoxNumber ?? '—'}): ${state}`;
}

/** A request's own status said only when it is an outcome; while items move, their lines say where each one is. */
const OUTCOMES = new Set(['returned', 'answered', 'withdrawn', 'refused']);

function printStep(output: CommandContext['output'], detail: CenterRequestDetail, catalog: string): void {
  const outcome = OUTCOMES.has(detail.status) ? ` ${retrievalStatusLabels[detail.status]}.` : '';
  output.stdout(`Request ${detail.number} from ${detail.department.name}:${outcome}\n`);
  for (const item of detail.requestItems) output.stdout(`${itemLine(item)}\n`);
  if (detail.answer) output.stdout(`Answer: ${detail.answer.note}${detail.answer.files.length > 0 ? ` (files: ${detail.answer.files.join(', ')})` : ''}\n`);
  if (detail.next.length > 0) output.stdout(`Next: ${detail.next.join(', ')}.\n`);
  output.stdout(`To tell ${detail.department.name}, write an update: transmittal retrieval update "${catalog}" ${detail.number}\n`);
}

function departmentTable(rows: RetrievalSummary[]): string {
  return formatTable(
    ['Request', 'Service', 'Status', 'What', 'Due by', 'Checked out to', 'Due back'],
    rows.map((row) => [row.number, row.service, row.status, row.what, row.dueBy ?? '', row.checkedOutTo ?? '', row.dueBack ? `${row.dueBack}${row.overdue ? ' (overdue)' : ''}` : '']),
  );
}

function centerTable(rows: CenterRequestSummary[]): string {
  return formatTable(
    ['Request', 'Department', 'Service', 'Status', 'What', 'Walk to', 'Due by'],
    rows.map((row) => [row.number, row.department.name, `${row.service}${row.urgency === 'urgent' ? ' (urgent)' : ''}`, row.status, row.what, row.walkTo,
      `${row.dueBy ?? ''}${row.overdue ? ' (overdue)' : ''}`]),
  );
}

export function registerRetrievalCommands(program: Command, { output, openSession }: CommandContext): void {
  const retrieval = program.command('retrieval').description('getting records back: ask the records center for a box or folder, and follow it until it is re-filed');

  retrieval
    .command('request')
    .description('ask the records center for boxes or folders back; writes the request file and its one-page PDF to send')
    .argument(...catalogArgument)
    .option('--box <label...>', 'the boxes, by their labels (whole boxes, unless --folder)')
    .option('--folder <number-or-words...>', 'only these folders: by their number in the box with one --box, or on their own by file code or title')
    .addOption(new Option('--type <type>', 'loan (the box or folder comes to you), copy (a copy or scan), review (at the center), withdrawal (back for good)').choices(requestTypes).makeOptionMandatory())
    .option('--needed-by <date>', 'the day you need it, as YYYY-MM-DD', isoDate)
    .option('--for <who>', 'who needs it ("the permits clerk")')
    .option('--deliver-to <where>', 'where to deliver or send it (an office, an email address)')
    .option('--note <text>', 'anything else the center should know')
    .option('--urgent', 'ask for it urgently')
    .option('--out <dir>', 'write the request file and PDF here (default: the Retrievals folder beside the catalog)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  transmittal retrieval request permits --box PW-2 --folder 2 --type loan --for "the permits clerk" --deliver-to "Room 12"\n' +
      '  transmittal retrieval request permits --folder "BP-Elm" --type copy --deliver-to clerk@city.example\n' +
      '  transmittal retrieval request permits --box PW-1 PW-3 --type withdrawal --note "Needed back for the audit"')
    .action(async (catalog: string, options: RequestOptions) => {
      const boxLabels = options.box ?? [];
      if (!options.folder && boxLabels.length === 0) throw usageError('say what to ask for: --box with box labels, or --folder');
      if (options.folder && boxLabels.length > 1) throw usageError('--folder picks folders of one box: give at most one --box with it');
      if (options.folder && options.type === 'withdrawal') throw usageError('a withdrawal takes whole boxes back for good: leave out --folder');
      const done = await withCatalog({
        openSession,
        catalog,
        work: async (call) => {
          const boxes: Box[] = [];
          for (const label of boxLabels) boxes.push(await findBox(call, label, catalog));
          const ownWords = async (folders: string[]) => {
            const ids: number[] = [];
            for (const words of folders) ids.push(await folderByOwnWords(call, words));
            return ids;
          };
          const targets = options.folder
            ? { boxIds: [], folderIds: boxes.length === 1 ? await folderIds(call, boxes[0], options.folder) : await ownWords(options.folder) }
            : { boxIds: boxes.map((box) => box.id), folderIds: [] };
          const input: ApiInput<'retrievals.request'> = {
            ...targets,
            service: serviceFor(options.type, Boolean(options.folder)),
            urgency: options.urgent ? 'urgent' : 'routine',
            neededBy: options.neededBy,
            neededFor: options.for ?? '',
            deliverTo: options.deliverTo ?? '',
            note: options.note ?? '',
            outDir: options.out === undefined ? undefined : resolve(options.out),
          };
          return call('retrievals.request', input);
        },
      });
      if (options.json) return printJson(output, done);
      output.stdout(`${done.message}\n`);
      // The message names the due date; said again only if its wording ever leaves it out.
      if (done.dueBy && !done.message.includes(done.dueBy)) output.stdout(`Due by ${done.dueBy} by the center’s stated turnaround.\n`);
      output.stdout(`Wrote ${done.path}\nWrote ${done.pdfPath}\n`);
      for (const warning of done.warnings) output.stdout(`Note: ${warning}\n`);
      output.stdout('Send both files to the records center.\n');
    });

  retrieval
    .command('import')
    .description('take in a retrieval file: a department catalog takes the center’s update, a records center catalog takes a department’s request')
    .argument(...catalogArgument)
    .argument('<file>', 'the file received (<number>-retrieval-update.json or <number>-retrieval-request.json)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  transmittal retrieval import permits PW-RQ-2026-0007-retrieval-update.json\n' +
      '  transmittal retrieval import "City Records Center" PW-RQ-2026-0007-retrieval-request.json')
    .action(async (catalog: string, file: string, options: { json?: boolean }) => {
      const path = resolve(file);
      const done = await withCatalog({
        openSession,
        catalog,
        work: async (call, info): Promise<{ message: string }> =>
          info.role === 'records-center' ? call('center.requests.import', { file: { path } }) : call('retrievals.importUpdate', { file: { path } }),
      });
      if (options.json) return printJson(output, done);
      output.stdout(`${done.message}\n`);
    });

  retrieval
    .command('list')
    .description('the retrieval requests: open ones (default), every one, or the overdue ones')
    .argument(...catalogArgument)
    .option('--all', 'every request, done ones too')
    .option('--overdue', 'only requests past their due date, or on loan past their due-back day')
    .option('--json', 'print the list as JSON')
    .action(async (catalog: string, options: { all?: boolean; overdue?: boolean; json?: boolean }) => {
      if (options.all && options.overdue) throw usageError('choose one of --all and --overdue');
      const listed = await withCatalog({
        openSession,
        catalog,
        readOnly: true,
        work: async (call, info): Promise<{ side: 'center'; rows: CenterRequestSummary[] } | { side: 'department'; rows: RetrievalSummary[] }> => {
          if (info.role === 'records-center') return { side: 'center', rows: await centerRequests(call, options.all ? 'all' : options.overdue ? 'overdue' : 'open') };
          const rows = await call('retrievals.list', { open: !options.all && !options.overdue });
          return { side: 'department', rows: options.overdue ? rows.filter((row) => row.overdue) : rows };
        },
      });
      if (options.json) return printJson(output, listed.rows);
      const which = options.all ? '' : options.overdue ? 'overdue ' : 'open ';
      if (listed.rows.length === 0) return output.stdout(`No ${which}retrieval requests.\n`);
      output.stdout(listed.side === 'center' ? centerTable(listed.rows) : departmentTable(listed.rows));
      output.stdout(`${count(listed.rows.length, `${which}request`)}.\n`);
    });

  /** One center step on a request found by its number; prints where the request stands after it. */
  const step = (name: string, description: string, configure: (command: Command) => Command, inputOf: (id: number, options: Record<string, unknown>) => CenterRequestRecordInput, example: string) =>
    configure(retrieval.command(name).description(description).argument(...centerCatalogArgument).argument(...requestArgument))
      .option('--json', 'print the request as JSON')
      .addHelpText('after', `\nExample:\n  ${example}`)
      .action(async (catalog: string, number: string, options: Record<string, unknown>) => {
        const detail = await withCatalog({
          openSession,
          catalog,
          work: async (call) => {
            const { id } = await findCenterRequest(call, number, catalog);
            const input = inputOf(id, options);
            if (input.action === 'refile' && typeof options.location === 'string') return call('center.request.record', { ...input, locationId: await findLocation(call, options.location) });
            return call('center.request.record', input);
          },
        });
        if (options.json) return printJson(output, detail);
        printStep(output, detail, catalog);
      });

  const example = (rest: string) => `transmittal retrieval ${rest}`;
  step('pull', 'record that the boxes or folders of a request were taken off the shelf', (command) => command,
    (id) => ({ id, action: 'pull' }), example('pull "City Records Center" PW-RQ-2026-0007'));
  step('checkout', 'record a loan: to whom, and due back when (default: 30 days from today)',
    (command) => command.requiredOption('--to <who>', 'who it is checked out to').option('--due-back <date>', 'the day it is due back, as YYYY-MM-DD', isoDate),
    (id, options) => ({ id, action: 'checkout', to: String(options.to), dueBack: options.dueBack as string | undefined }),
    example('checkout "City Records Center" PW-RQ-2026-0007 --to "the permits clerk" --due-back 2027-01-04'));
  step('return', 'record that what was on loan is back at the center (not yet on its shelf)', (command) => command,
    (id) => ({ id, action: 'return' }), example('return "City Records Center" PW-RQ-2026-0007'));
  step('refile', 'record that it is back on a shelf: its own position, or the one given',
    (command) => command.option('--location <words>', 'another shelf position, as "transmittal locations list" shows it'),
    (id) => ({ id, action: 'refile' }), example('refile "City Records Center" PW-RQ-2026-0007 --location "Building A / Row 1 / Bay 1 / Shelf 1 / Position 2"'));
  step('answer', 'record the answer to a copy, scan or review request, and the files sent with it',
    (command) => command.requiredOption('--note <text>', 'what was sent or found').option('--file <name>', 'the name of a file sent with the update (repeatable)', collect, []),
    (id, options) => ({ id, action: 'answer', note: String(options.note), files: options.file as string[] }),
    example('answer "City Records Center" PW-RQ-2026-0008 --note "Scanned 14 pages" --file permit-19-22.pdf'));
  step('withdraw', 'record a permanent withdrawal done: the box leaves the holdings and its shelf position is free', (command) => command,
    (id) => ({ id, action: 'withdraw' }), example('withdraw "City Records Center" PW-RQ-2026-0009'));
  step('refuse', 'refuse a request the center cannot do; the reason goes back to the department',
    (command) => command.requiredOption('--reason <text>', 'why it cannot be done'),
    (id, options) => ({ id, action: 'refuse', reason: String(options.reason) }),
    example('refuse "City Records Center" PW-RQ-2026-0010 --reason "Box 118 was not found on its shelf; we are searching"'));

  retrieval
    .command('update')
    .description('write the update file for the department: everything recorded on the request so far')
    .argument(...centerCatalogArgument)
    .argument(...requestArgument)
    .option('--out <dir>', 'write it here (default: the Retrievals folder beside the catalog)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExample:\n  transmittal retrieval update "City Records Center" PW-RQ-2026-0007 --out outbox')
    .action(async (catalog: string, number: string, options: { out?: string; json?: boolean }) => {
      const written = await withCatalog({
        openSession,
        catalog,
        work: async (call) => {
          const { id } = await findCenterRequest(call, number, catalog);
          return call('center.request.writeUpdate', { id, outDir: options.out === undefined ? undefined : resolve(options.out) });
        },
      });
      if (options.json) return printJson(output, written);
      output.stdout(`Wrote ${written.path} (fingerprint ${written.fingerprint})\nSend it to the department.\n`);
    });

  program
    .command('where')
    .description('where a box or folder is now, found by its label, file code or words of its title')
    .argument(...catalogArgument)
    .argument('<words>', 'a box label, a file code or words of a folder title')
    .option('--json', 'print the hits as JSON')
    .addHelpText('after', '\nExamples:\n  transmittal where permits PW-2\n  transmittal where permits "Elm Street 2019"')
    .action(async (catalog: string, query: string, options: { json?: boolean }) => {
      const hits = await withCatalog({ openSession, catalog, readOnly: true, work: (call) => call('catalog.where', { query, limit: 50 }) });
      if (options.json) return printJson(output, hits);
      if (hits.length === 0) return output.stdout(`Nothing in this catalog matches "${query}".\n`);
      for (const hit of hits) output.stdout(`${whatHit(hit)}: ${hit.where.words}${hit.where.overdue ? ' (overdue)' : ''}\n`);
    });
}

function whatHit(hit: WhereHit): string {
  if (hit.folderId === null) return `Box ${hit.boxLabel}`;
  return `Folder ${hit.folderPosition ?? '?'} “${hit.title ?? ''}”${hit.fileCode ? ` (${hit.fileCode})` : ''} in box ${hit.boxLabel}`;
}
