// `transmittal transfer create|list|add|remove|validate|send|package`: a whole transfer from a script, with the same
// checks, history and package the app makes.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { TransferSummary, TransferValidation } from '../../shared/api/contract-transfers';
import { transferStatusLabels } from '../../shared/transfer/statuses';
import { findBox } from './add-commands';
import { CliError, usageError } from './cli-errors';
import { withCatalog, type Call } from './catalog-session';
import type { CommandContext } from './command-context';
import { count, dateSpan, formatTable, printJson, type CliOutput } from './output';

const notFound = (message: string, option: string) => new CliError('domain', { code: 'not-found', message, details: { option } });

/** A transfer by its number ("PW-2026-003", any case) or its id. */
async function findTransfer(call: Call, numberOrId: string, catalog: string): Promise<TransferSummary> {
  const transfers = await call('transfers.list', {});
  const wanted = numberOrId.trim();
  const found =
    transfers.find((transfer) => transfer.number.toLowerCase() === wanted.toLowerCase()) ??
    (/^\d+$/.test(wanted) ? transfers.find((transfer) => transfer.id === Number(wanted)) : undefined);
  if (found) return found;
  throw notFound(`there is no transfer "${wanted}" in this catalog (see: transmittal transfer list "${catalog}")`, '<transfer>');
}

async function findCenter(call: Call, nameOrId: string): Promise<number> {
  const centers = await call('centers.list', {});
  const wanted = nameOrId.trim();
  const byName = centers.filter((center) => center.name.toLowerCase() === wanted.toLowerCase());
  if (byName.length === 1) return byName[0].id;
  const byId = /^\d+$/.test(wanted) ? centers.find((center) => center.id === Number(wanted)) : undefined;
  if (byId) return byId.id;
  const known = centers.map((center) => `${center.id} ${center.name}`).join(', ');
  throw notFound(
    `there is no records center "${wanted}" (${known ? `known: ${known}` : 'add one with: transmittal center add <catalog> --name …'})`,
    '--center',
  );
}

function printIssues(output: CliOutput, number: string, validation: TransferValidation): void {
  if (validation.issues.length === 0) return output.stdout(`Transfer ${number} is ready to send: nothing to fix.\n`);
  for (const issue of validation.issues) output.stdout(`${issue.level === 'error' ? 'error  ' : 'warning'}  ${issue.message}\n`);
  output.stdout(`${count(validation.errors, 'error')}, ${count(validation.warnings, 'warning')}.\n`);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits for a job, and turns its failure into the command's error. */
async function finishJob(call: Call, jobId: string): Promise<void> {
  let job = await call('jobs.get', { id: jobId });
  while (job.state === 'running') {
    await sleep(25);
    job = await call('jobs.get', { id: jobId });
  }
  if (job.state !== 'done') throw new CliError('domain', job.error ?? { code: 'internal', message: job.message });
}

export function registerTransferCommands(program: Command, { output, openSession }: CommandContext): void {
  const transfer = program.command('transfer').description('send boxes to a records center: create, add boxes, validate, send, package');
  const catalogArgument = ['<catalog>', 'the catalog file (".transmittal" is added if missing)'] as const;
  const transferArgument = ['<transfer>', 'the transfer number, e.g. PW-2026-003'] as const;

  transfer
    .command('create')
    .description('start a transfer to a records center; prints its number')
    .argument(...catalogArgument)
    .requiredOption('--center <name-or-id>', 'the records center, by name or id')
    .option('--notes <text>', 'notes printed on the transfer')
    .option('--access-restrictions <text>', 'who may see these records and under what authority (printed on the receipt)')
    .option('--json', 'print the new transfer as JSON (its number first)')
    .addHelpText('after', '\nExample:\n  transmittal transfer create permits --center "State Records Center"')
    .action(async (catalog: string, options: { center: string; notes?: string; accessRestrictions?: string; json?: boolean }) => {
      const created = await withCatalog({
        openSession,
        catalog,
        work: async (call) => call('transfers.create', {
          recordsCenterId: await findCenter(call, options.center), notes: options.notes ?? '', accessRestrictions: options.accessRestrictions ?? '',
        }),
      });
      const { number, ...rest } = created;
      if (options.json) printJson(output, { number, ...rest });
      else output.stdout(`${created.number}\n`);
    });

  transfer
    .command('set')
    .description('change the notes or access restrictions of a transfer not yet sent (both print on its receipt)')
    .argument(...catalogArgument)
    .argument(...transferArgument)
    .option('--notes <text>', 'notes printed on the transfer')
    .option('--access-restrictions <text>', 'who may see these records and under what authority')
    .addHelpText('after', '\nExample:\n  transmittal transfer set permits PW-2026-003 --access-restrictions "Personnel files: HR director only"')
    .action(async (catalog: string, number: string, options: { notes?: string; accessRestrictions?: string }) => {
      if (options.notes === undefined && options.accessRestrictions === undefined) {
        throw usageError('Say what to change: --notes and/or --access-restrictions.');
      }
      const saved = await withCatalog({
        openSession,
        catalog,
        work: async (call) => call('transfers.update', {
          id: (await findTransfer(call, number, catalog)).id, notes: options.notes, accessRestrictions: options.accessRestrictions,
        }),
      });
      output.stdout(`Saved transfer ${saved.number}: access restrictions ${saved.accessRestrictions ? `“${saved.accessRestrictions}”` : 'none stated'}.\n`);
    });

  transfer
    .command('list')
    .description('list the transfers in a catalog')
    .argument(...catalogArgument)
    .option('--json', 'print the transfers as JSON')
    .action(async (catalog: string, options: { json?: boolean }) => {
      const transfers = await withCatalog({ openSession, catalog, work: (call) => call('transfers.list', {}) });
      if (options.json) return printJson(output, transfers);
      if (transfers.length === 0) return output.stdout('This catalog has no transfers yet.\n');
      output.stdout(
        formatTable(
          ['Transfer', 'Status', 'Records center', 'Boxes', 'Folders', 'Dates'],
          transfers.map((each) => [
            each.number, transferStatusLabels[each.status], each.recordsCenterName, each.totals.boxes, each.totals.folders,
            dateSpan(each.dateSpan.from, each.dateSpan.to),
          ]),
        ),
      );
    });

  transfer
    .command('add-files')
    .description('add electronic records to a transfer not yet sent (read once for their checksums; copied into the package)')
    .argument(...catalogArgument)
    .argument(...transferArgument)
    .argument('<files...>', 'the files to send')
    .option('--json', 'print the transfer\'s electronic records as JSON')
    .addHelpText('after', '\nExample:\n  transmittal transfer add-files permits PW-2026-001 "Site plan.pdf" minutes/*.docx')
    .action(async (catalog: string, number: string, files: string[], options: { json?: boolean }) => {
      const listed = await withCatalog({
        openSession,
        catalog,
        work: async (call) => {
          const found = await findTransfer(call, number, catalog);
          const started = await call('transfers.addFiles', { id: found.id, files: files.map((file) => ({ path: resolve(file) })) });
          await finishJob(call, started.jobId);
          return { number: found.number, files: (await call('transfers.get', { id: found.id })).files };
        },
      });
      if (options.json) return printJson(output, listed.files);
      output.stdout(`Transfer ${listed.number} now carries ${count(listed.files.length, 'electronic record')}:\n`);
      for (const file of listed.files) output.stdout(`  ${file.relativePath}  ${count(file.size, 'byte')}  sha256 ${file.sha256}\n`);
    });

  transfer
    .command('add')
    .description('add boxes to a transfer: every box still in the office, some by label, or a range of labels')
    .argument(...catalogArgument)
    .argument(...transferArgument)
    .option('--all', 'every box in the office that is not in a transfer yet')
    .option('--box <label...>', 'boxes by the labels your office writes on them')
    .option('--from <label>', 'first box label of a range (with --to)')
    .option('--to <label>', 'last box label of a range (with --from)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  transmittal transfer add permits PW-2026-001 --all\n  transmittal transfer add permits PW-2026-001 --box 2019-A 2019-B\n  transmittal transfer add permits PW-2026-001 --from 1 --to 12')
    .action(async (catalog: string, number: string, options: { all?: boolean; box?: string[]; from?: string; to?: string; json?: boolean }) => {
      const ways = [options.all, options.box, options.from !== undefined || options.to !== undefined].filter(Boolean).length;
      if (ways !== 1) throw usageError('say which boxes to add: --all, --box LABEL..., or --from LABEL --to LABEL');
      if ((options.from === undefined) !== (options.to === undefined)) throw usageError('a range needs both --from and --to');
      const { found, result } = await withCatalog({
        openSession,
        catalog,
        work: async (call) => {
          const found = await findTransfer(call, number, catalog);
          if (options.all) return { found, result: await call('transfers.addBoxes', { id: found.id, all: true }) };
          if (options.box) {
            const boxIds: number[] = [];
            for (const label of options.box) boxIds.push((await findBox(call, label, catalog)).id);
            return { found, result: await call('transfers.addBoxes', { id: found.id, boxIds }) };
          }
          return { found, result: await call('transfers.addBoxes', { id: found.id, fromLabel: options.from!, toLabel: options.to! }) };
        },
      });
      if (options.json) return printJson(output, result);
      const already = result.alreadyIn > 0 ? ` (${count(result.alreadyIn, 'box was', 'boxes were')} already in it)` : '';
      output.stdout(
        result.added === 0 && options.all
          ? `No boxes were added to ${found.number}: every box in the office is already in a transfer.\n`
          : `Added ${count(result.added, 'box', 'boxes')} to ${found.number}${already}.\n`,
      );
      for (const box of result.skipped) output.stdout(`  Not added: ${box.reason}\n`);
    });

  transfer
    .command('remove')
    .description('take boxes out of a transfer not yet sent (they go back to "in office")')
    .argument(...catalogArgument)
    .argument(...transferArgument)
    .requiredOption('--box <label...>', 'boxes by their labels')
    .action(async (catalog: string, number: string, options: { box: string[] }) => {
      const { found, removed } = await withCatalog({
        openSession,
        catalog,
        work: async (call) => {
          const found = await findTransfer(call, number, catalog);
          const boxIds: number[] = [];
          for (const label of options.box) boxIds.push((await findBox(call, label, catalog)).id);
          return { found, removed: (await call('transfers.removeBoxes', { id: found.id, boxIds })).removed };
        },
      });
      output.stdout(`Removed ${count(removed, 'box', 'boxes')} from ${found.number}.\n`);
    });

  transfer
    .command('validate')
    .description('check a transfer before sending; exits with 1 when something must be fixed')
    .argument(...catalogArgument)
    .argument(...transferArgument)
    .option('--json', 'print the check as JSON')
    .action(async (catalog: string, number: string, options: { json?: boolean }) => {
      const { found, validation } = await withCatalog({
        openSession,
        catalog,
        work: async (call) => {
          const found = await findTransfer(call, number, catalog);
          return { found, validation: await call('transfers.validate', { id: found.id }) };
        },
      });
      if (!options.json) printIssues(output, found.number, validation);
      else if (validation.valid) printJson(output, validation);
      if (!validation.valid) {
        // With --json the check travels in the error's details, so stdout stays one JSON document.
        throw new CliError('domain', {
          code: 'invalid-input',
          message: `transfer ${found.number} cannot be sent yet: ${count(validation.errors, 'error')} to fix${options.json ? '' : ' (listed above)'}`,
          details: { validation },
        });
      }
    });

  transfer
    .command('send')
    .description('mark a transfer as sent: freezes its manifest and fingerprint (cannot be undone)')
    .argument(...catalogArgument)
    .argument(...transferArgument)
    .option('--eligible-reason <text>', 'why boxes already eligible for destruction go anyway (printed on the receipt)')
    .option('--json', 'print the sent transfer as JSON')
    .action(async (catalog: string, number: string, options: { json?: boolean; eligibleReason?: string }) => {
      const sent = await withCatalog({
        openSession,
        catalog,
        work: async (call) => call('transfers.send', { id: (await findTransfer(call, number, catalog)).id, eligibleReason: options.eligibleReason }),
      });
      if (options.json) return printJson(output, sent);
      output.stdout(`Sent ${sent.number}: ${count(sent.totals.boxes, 'box', 'boxes')}, ${count(sent.totals.folders, 'folder')}.\nFingerprint: ${sent.fingerprint}\n`);
    });

  transfer
    .command('package')
    .description('write the transfer package (a BagIt folder and a .zip); a transfer not yet sent gives a DRAFT preview')
    .argument(...catalogArgument)
    .argument(...transferArgument)
    .requiredOption('--out <dir>', 'folder to write <number>/ and <number>.zip into')
    .option('--json', 'print where the package is, and its fingerprint, as JSON')
    .addHelpText('after', '\nExample:\n  transmittal transfer package permits PW-2026-001 --out ./packages')
    .action(async (catalog: string, number: string, options: { out: string; json?: boolean }) => {
      const started = await withCatalog({
        openSession,
        catalog,
        work: async (call) => {
          const found = await findTransfer(call, number, catalog);
          const started = await call('transfers.package', { id: found.id, outDir: resolve(options.out) });
          await finishJob(call, started.jobId);
          return started;
        },
      });
      if (options.json) return printJson(output, started);
      output.stdout(
        `${started.preview ? 'Wrote a DRAFT preview (the transfer is not sent yet)' : 'Wrote the transfer package'}:\n` +
          `  ${started.folder}\n  ${started.zip}\nFingerprint: ${started.fingerprint}\n`,
      );
    });
}
