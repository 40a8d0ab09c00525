// `transmittal disposition …`: disposition without fear, from either side. A records center lists what is due, writes
// one notice per department and carries out only what was approved; a department takes the notice in and answers it
// box by box in its own labels, signed by name and title. Legal holds are in ./hold-commands.ts.
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ApiInput } from '../../shared/api/contract';
import type { DispositionBox, DueList, NoticeBoxDetail, NoticeDetail, NoticeSummary } from '../../shared/api/contract-disposition';
import { dispositionActionWords, dispositionAnswers, type DispositionAnswer } from '../../shared/exchange/disposition';
import { CliError, usageError } from './cli-errors';
import { withCatalog, type Call } from './catalog-session';
import type { CommandContext } from './command-context';
import { count, formatTable, printJson } from './output';

export const catalogArgument = ['<catalog>', 'the catalog file (".transmittal" is added if missing)'] as const;
const centerCatalogArgument = ['<catalog>', 'the records center catalog (".transmittal" is added if missing)'] as const;
const noticeArgument = ['<notice>', 'the notice number, as printed on it (PW-DN-2026-0003)'] as const;

export function isoDate(text: string): string {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed) || Number.isNaN(Date.parse(`${trimmed}T00:00:00Z`))) throw new InvalidArgumentError('Expected a date as YYYY-MM-DD.');
  return trimmed;
}

function positiveWhole(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new InvalidArgumentError('Expected a whole number of days, 1 or more.');
  return Number(text);
}

export const outDir = (given: string | undefined) => (given === undefined ? undefined : resolve(given));

export const notFound = (message: string, option: string) => new CliError('domain', { code: 'not-found', message, details: { option } });

async function findNotice(call: Call, number: string, catalog: string): Promise<NoticeSummary> {
  const wanted = number.trim().toLowerCase();
  const found = (await call('disposition.notices', { show: 'all' })).find((notice) => notice.number.toLowerCase() === wanted);
  if (found) return found;
  throw notFound(`there is no disposition notice "${number.trim()}" in this catalog (see: transmittal disposition list "${catalog}" --all)`, '<notice>');
}

/**
 * A box of a notice named as the person reads it on the notice: its box id (the barcode, exactly) or the
 * department's label; a label two boxes share must be given as the box id.
 */
function noticeBox(notice: NoticeDetail, named: string, option: string): NoticeBoxDetail {
  const wanted = named.trim().toLowerCase();
  const byCode = notice.noticeBoxes.filter((box) => box.boxCode.toLowerCase() === wanted);
  const matches = byCode.length > 0 ? byCode : notice.noticeBoxes.filter((box) => box.boxLabel.trim().toLowerCase() === wanted);
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new CliError('domain', {
      code: 'invalid-input',
      message: `${matches.length} boxes on notice ${notice.number} are labelled "${named.trim()}"; give the box id instead (${matches.map((box) => box.boxCode).join(', ')})`,
      details: { option },
    });
  }
  const listed = notice.noticeBoxes.slice(0, 8).map((box) => `${box.boxLabel} (${box.boxCode})`).join(', ');
  throw notFound(`box "${named.trim()}" is not on notice ${notice.number}; it lists ${listed}${notice.noticeBoxes.length > 8 ? ', …' : ''}`, option);
}

function boxTable(boxes: DispositionBox[]): string {
  return formatTable(
    ['Box id', 'Box', 'Accession', 'Center box', 'Location', 'Disposition', 'Action'],
    boxes.map((box) => [box.boxCode, box.boxLabel, box.accessionNumber, box.centerBoxNumber ?? '', box.location ?? '', box.dispositionDate, dispositionActionWords[box.action]]),
  );
}

function printDue(output: CommandContext['output'], due: DueList, catalog: string): void {
  const { from, to } = due.period;
  if (due.departments.length === 0) output.stdout(`No box is due for disposition from ${from} to ${to}.\n`);
  for (const department of due.departments) {
    const archives = department.archives.length > 0 ? `, ${count(department.archives.length, 'box', 'boxes')} to transfer to the archives` : '';
    output.stdout(`${department.department.name}${department.department.code ? ` (${department.department.code})` : ''}: ` +
      `${count(department.boxes.length, 'box', 'boxes')} to destroy${archives}\n`);
    output.stdout(boxTable([...department.boxes, ...department.archives]));
    output.stdout(`Write its notice: transmittal disposition notice "${catalog}" --department "${department.department.code || department.department.name}" --from ${from} --to ${to}\n\n`);
  }
  if (due.leftOut.length > 0) {
    output.stdout(`Left out (${due.leftOut.length}), due but not to go on a notice now:\n`);
    for (const box of due.leftOut) output.stdout(`  ${box.boxCode} ${box.boxLabel} (${box.department}): ${box.reason}\n`);
  }
}

function noticeTable(rows: NoticeSummary[]): string {
  return formatTable(
    ['Notice', 'Department', 'Center', 'Issued', 'Answer by', 'Boxes', 'Approved', 'Refused', 'More time', 'No answer', 'Done', 'State'],
    rows.map((row) => [row.number, row.department, row.centerName, row.issuedAt.slice(0, 10), row.respondBy, row.boxes, row.approved, row.refused, row.extended,
      row.unanswered, row.executed, row.state]),
  );
}

const ANSWER_WORDS: Record<DispositionAnswer, string> = { approve: 'approved', refuse: 'refused', extend: 'more time' };

function boxAnswer(box: NoticeBoxDetail): string {
  if (box.executed) return `${box.executed === 'destroyed' ? 'destroyed' : 'transferred to the archives'} on ${box.executedAt?.slice(0, 10) ?? '?'}`;
  if (box.answer === null) return 'no answer yet (not approved)';
  if (box.answer === 'refuse') return `refused: ${box.reason}${box.reviewDate ? `; review on ${box.reviewDate}` : ''}`;
  if (box.answer === 'extend') return `more time${box.extendTo ? ` until ${box.extendTo}` : ''}${box.reason ? `: ${box.reason}` : ''}`;
  return ANSWER_WORDS.approve;
}

function printNotice(output: CommandContext['output'], notice: NoticeDetail): void {
  output.stdout(`Notice ${notice.number}: ${notice.centerName} to ${notice.department}, issued ${notice.issuedAt.slice(0, 10)}, ` +
    `for boxes due from ${notice.period.from} to ${notice.period.to}.\n${notice.state}.\n`);
  output.stdout(formatTable(
    ['Box id', 'Box', 'Proposed', 'Answer', 'Hold', 'Can be carried out'],
    notice.noticeBoxes.map((box) => [box.boxCode, box.boxLabel, dispositionActionWords[box.action], boxAnswer(box), box.heldBy ?? '',
      box.canExecute ? 'yes' : box.executed ? '' : `no: ${box.whyNot ?? 'not approved'}`]),
  ));
  for (const response of notice.responses) output.stdout(`Answered by ${response.signedName}, ${response.signedTitle}, on ${response.respondedAt.slice(0, 10)} (seal ${response.fingerprint.slice(0, 16)}…)\n`);
  for (const certificate of notice.certificates) output.stdout(`Certificate ${certificate.number}, ${certificate.issuedAt.slice(0, 10)} (seal ${certificate.fingerprint.slice(0, 16)}…)\n`);
}

interface RespondOptions {
  approve?: string[];
  refuse?: string[];
  extend?: string[];
  reason?: string;
  reviewDate?: string;
  until?: string;
  all?: DispositionAnswer;
  name: string;
  title: string;
  out?: string;
  json?: boolean;
}

/** The options' answers, checked for what each needs before the catalog is opened. */
function checkAnswers(options: RespondOptions): void {
  const named = [...(options.approve ?? []), ...(options.refuse ?? []), ...(options.extend ?? [])];
  if (named.length === 0 && !options.all) throw usageError('say what you answer: --approve, --refuse or --extend with the boxes, or --all approve|refuse|extend');
  const refusing = (options.refuse?.length ?? 0) > 0 || options.all === 'refuse';
  const extending = (options.extend?.length ?? 0) > 0 || options.all === 'extend';
  if (refusing && (!options.reason?.trim() || !options.reviewDate)) throw usageError('to refuse, give the reason (--reason) and the day to review the boxes again (--review-date)');
  if (extending && (!options.reason?.trim() || !options.until)) throw usageError('to ask for more time, give the reason (--reason) and until when (--until)');
}

type AnswerFields = Omit<NonNullable<ApiInput<'disposition.respond'>['answers']>[number], 'boxId'>;

function answerOf(answer: DispositionAnswer, options: RespondOptions): AnswerFields {
  if (answer === 'refuse') return { answer, reason: options.reason!.trim(), reviewDate: options.reviewDate };
  if (answer === 'extend') return { answer, reason: options.reason!.trim(), extendTo: options.until };
  return { answer, reason: '' };
}

export function registerDispositionCommands(program: Command, context: CommandContext): void {
  const { output, openSession } = context;
  const disposition = program.command('disposition')
    .description('disposition without fear: notices, answers box by box, and certificates; nothing is destroyed without written approval');

  disposition
    .command('due')
    .description('every box whose disposition date falls in a period, by department, and the ones left out with why (records center)')
    .argument(...centerCatalogArgument)
    .requiredOption('--from <date>', 'the first day of the period, as YYYY-MM-DD', isoDate)
    .requiredOption('--to <date>', 'the last day of the period, as YYYY-MM-DD', isoDate)
    .option('--json', 'print the list as JSON')
    .addHelpText('after', '\nExample:\n  transmittal disposition due "City Records Center" --from 2026-01-01 --to 2026-12-31')
    .action(async (catalog: string, options: { from: string; to: string; json?: boolean }) => {
      const due = await withCatalog({ openSession, catalog, readOnly: true, work: (call) => call('center.disposition.due', { from: options.from, to: options.to }) });
      if (options.json) return printJson(output, due);
      printDue(output, due, catalog);
    });

  disposition
    .command('notice')
    .description('write one department’s disposition notice for a period (JSON + PDF) to send it; its answer is due after the notice period')
    .argument(...centerCatalogArgument)
    .requiredOption('--department <code or name>', 'the department, by its code or name')
    .requiredOption('--from <date>', 'the first day of the period, as YYYY-MM-DD', isoDate)
    .requiredOption('--to <date>', 'the last day of the period, as YYYY-MM-DD', isoDate)
    .option('--notice-days <days>', 'days the department has to answer, for this notice only (default: the center’s notice period, see `notice-period`)', positiveWhole)
    .option('--out <dir>', 'write the notice here (default: the Disposition folder beside the catalog)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExample:\n  transmittal disposition notice "City Records Center" --department PW --from 2026-01-01 --to 2026-12-31 --out outbox')
    .action(async (catalog: string, options: { department: string; from: string; to: string; noticeDays?: number; out?: string; json?: boolean }) => {
      const written = await withCatalog({
        openSession,
        catalog,
        work: async (call) => {
          const wanted = options.department.trim().toLowerCase();
          const departments = await call('center.departments', {});
          const found = departments.find((each) => each.code.trim().toLowerCase() === wanted) ?? departments.find((each) => each.name.trim().toLowerCase() === wanted);
          if (!found) {
            const known = departments.map((each) => each.code || each.name).join(', ');
            throw notFound(`this records center holds no records of a department "${options.department.trim()}"${known ? ` (known: ${known})` : ''}`, '--department');
          }
          return call('center.disposition.notice', { departmentId: found.id, from: options.from, to: options.to, ...(options.noticeDays === undefined ? {} : { noticeDays: options.noticeDays }), outDir: outDir(options.out) });
        },
      });
      if (options.json) return printJson(output, written);
      output.stdout(`${written.message}\nWrote ${written.path}\nWrote ${written.pdfPath}\n`);
    });

  disposition
    .command('import')
    .description('take in a disposition file: a department takes in a notice or a certificate; a records center a response or a department’s legal hold')
    .argument(...catalogArgument)
    .argument('<file>', 'the file received (…-disposition-notice.json, …-response.json, a certificate or a legal hold file)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  transmittal disposition import permits PW-DN-2026-0003-disposition-notice.json\n' +
      '  transmittal disposition import "City Records Center" PW-DN-2026-0003-response.json')
    .action(async (catalog: string, file: string, options: { json?: boolean }) => {
      const taken = await withCatalog({ openSession, catalog, work: (call) => call('disposition.import', { file: { path: resolve(file) } }) });
      if (options.json) return printJson(output, taken);
      output.stdout(`${taken.message}\n`);
    });

  disposition
    .command('list')
    .description('the disposition notices: open ones (default) or every one, with how many boxes are answered')
    .argument(...catalogArgument)
    .option('--all', 'every notice, done ones too')
    .option('--json', 'print the list as JSON')
    .action(async (catalog: string, options: { all?: boolean; json?: boolean }) => {
      const rows = await withCatalog({ openSession, catalog, readOnly: true, work: (call) => call('disposition.notices', { show: options.all ? 'all' : 'open' }) });
      if (options.json) return printJson(output, rows);
      if (rows.length === 0) return output.stdout(`No ${options.all ? '' : 'open '}disposition notices.\n`);
      output.stdout(noticeTable(rows));
      output.stdout(`${count(rows.length, options.all ? 'notice' : 'open notice')}.\n`);
    });

  disposition
    .command('show')
    .description('one notice box by box: each answer, any hold, and whether the center may carry it out')
    .argument(...catalogArgument)
    .argument(...noticeArgument)
    .option('--json', 'print the notice as JSON')
    .action(async (catalog: string, number: string, options: { json?: boolean }) => {
      const notice = await withCatalog({
        openSession, catalog, readOnly: true, work: async (call) => call('disposition.get', { id: (await findNotice(call, number, catalog)).id }),
      });
      if (options.json) return printJson(output, notice);
      printNotice(output, notice);
    });

  const boxes = '<box...>';
  disposition
    .command('respond')
    .description('answer a notice box by box, signed by name and title; writes the response (JSON + PDF) for the records center')
    .argument(...catalogArgument)
    .argument(...noticeArgument)
    .option(`--approve ${boxes}`, 'boxes you approve, by label or box id as printed on the notice')
    .option(`--refuse ${boxes}`, 'boxes you refuse (with --reason and --review-date)')
    .option(`--extend ${boxes}`, 'boxes you need more time for (with --reason and --until)')
    .option('--reason <text>', 'why you refuse or need more time')
    .option('--review-date <date>', 'refused: the day to review the boxes again, as YYYY-MM-DD', isoDate)
    .option('--until <date>', 'more time: until when, as YYYY-MM-DD', isoDate)
    .addOption(new Option('--all <answer>', 'the same answer for every box not named').choices(dispositionAnswers))
    .requiredOption('--name <signer>', 'who signs the answer')
    .requiredOption('--title <title>', 'the signer’s title')
    .option('--out <dir>', 'write the response here (default: the Disposition folder beside the catalog)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  transmittal disposition respond permits PW-DN-2026-0003 --approve PW-1 PW-2 --refuse PW-3 --reason "Open audit" --review-date 2028-01-31 --name "Ana Ruiz" --title "Records Coordinator"\n' +
      '  transmittal disposition respond permits PW-DN-2026-0003 --all approve --name "Ana Ruiz" --title "Records Coordinator"')
    .action(async (catalog: string, number: string, options: RespondOptions) => {
      checkAnswers(options);
      const written = await withCatalog({
        openSession,
        catalog,
        work: async (call) => {
          const notice = await call('disposition.get', { id: (await findNotice(call, number, catalog)).id });
          const answers: NonNullable<ApiInput<'disposition.respond'>['answers']> = [];
          for (const answer of dispositionAnswers) {
            for (const named of options[answer] ?? []) answers.push({ boxId: noticeBox(notice, named, `--${answer}`).boxId, ...answerOf(answer, options) });
          }
          return call('disposition.respond', {
            noticeId: notice.id, answers, all: options.all ? answerOf(options.all, options) : undefined,
            signedName: options.name, signedTitle: options.title, outDir: outDir(options.out),
          });
        },
      });
      if (options.json) return printJson(output, written);
      output.stdout(`${written.message}\nWrote ${written.path}\nWrote ${written.pdfPath}\n`);
    });

  disposition
    .command('execute')
    .description('carry out the approved, unheld boxes of a notice (all, or those named) and write the certificate (JSON + PDF) for the department')
    .argument(...centerCatalogArgument)
    .argument(...noticeArgument)
    .requiredOption('--method <text>', 'how: "cross-cut shredding", "pulping", "transferred to the State Archives"')
    .requiredOption('--witness <name>', 'who witnessed it')
    .option(`--box ${boxes}`, 'only these boxes, by box id or label as on the notice')
    .option('--date <date>', 'the day it was done, as YYYY-MM-DD (default: today)', isoDate)
    .option('--out <dir>', 'write the certificate here (default: the Disposition folder beside the catalog)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExample:\n  transmittal disposition execute "City Records Center" PW-DN-2026-0003 --method "cross-cut shredding" --witness "Sam Lee"')
    .action(async (catalog: string, number: string, options: { method: string; witness: string; box?: string[]; date?: string; out?: string; json?: boolean }) => {
      const done = await withCatalog({
        openSession,
        catalog,
        work: async (call) => {
          const notice = await call('disposition.get', { id: (await findNotice(call, number, catalog)).id });
          const boxIds = options.box?.map((named) => noticeBox(notice, named, '--box').boxId);
          return call('center.disposition.execute', {
            noticeId: notice.id, boxIds, method: options.method, witness: options.witness, date: options.date, outDir: outDir(options.out),
          });
        },
      });
      if (options.json) return printJson(output, done);
      output.stdout(`${done.message}\nWrote ${done.path}\nWrote ${done.pdfPath}\n`);
    });

}
