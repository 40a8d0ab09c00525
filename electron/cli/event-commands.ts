// `transmittal event set`: records the event a retention clock waits for ("permit closed", "superseded") on the
// folders of one or more boxes, or on chosen folders of one box. Folders already sent get an amendment for the
// center too; `--out` writes each touched transfer's amendments file.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ApiInput } from '../../shared/api/contract';
import type { Box } from '../../shared/domain/types';
import { findBox } from './add-commands';
import { CliError, usageError } from './cli-errors';
import { withCatalog } from './catalog-session';
import type { CommandContext } from './command-context';
import { count, printJson } from './output';

interface EventOptions { box: string[]; folder?: string[]; date: string; reason?: string; out?: string; json?: boolean }

export function registerEventCommands(program: Command, { output, openSession }: CommandContext): void {
  const event = program.command('event').description('the events retention waits for (a case closed, a permit expired, superseded)');
  event
    .command('set')
    .description('record an event date on folders; their disposition dates follow (sent folders get an amendment for the center)')
    .argument('<catalog>', 'the catalog file (".transmittal" is added if missing)')
    .requiredOption('--box <label-or-id...>', 'the boxes whose folders it applies to (all their folders, unless --folder)')
    .option('--folder <position...>', 'only these folders, by their number in the box (one --box only)')
    .requiredOption('--date <date>', 'the event date as 2024-05-31, 2024-05 or 2024; "" clears it')
    .option('--reason <text>', 'what happened, for the amendment a sent folder gets (default: "Event recorded on <date>")')
    .option('--out <dir>', 'also write the amendments file of each sent transfer it touched into this folder')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  transmittal event set permits --box PW-001 PW-002 --date 2024-05-31\n' +
      '  transmittal event set permits --box PW-004 --folder 3 7 --date 2025-02-14 --reason "Permit 19-22 closed"')
    .action(async (catalog: string, options: EventOptions) => {
      if (options.folder && options.box.length !== 1) throw usageError('--folder picks folders of one box: give exactly one --box with it');
      const done = await withCatalog({
        openSession,
        catalog,
        work: async (call) => {
          const boxes: Box[] = [];
          for (const label of options.box) boxes.push(await findBox(call, label, catalog));
          let input: ApiInput<'folders.setEventDates'>;
          if (options.folder) {
            const folders = (await call('folders.list', { filter: { query: '', boxId: boxes[0].id }, offset: 0, limit: 1000 })).rows;
            const folderIds = options.folder.map((position) => {
              const found = folders.find((each) => String(each.position) === position.trim());
              if (!found) {
                throw new CliError('domain', { code: 'not-found', message: `box ${boxes[0].label} has no folder ${position} (it has ${count(folders.length, 'folder', 'folders')})`, details: { option: '--folder' } });
              }
              return found.id;
            });
            input = { folderIds, eventDate: options.date, reason: options.reason };
          } else {
            input = { boxIds: boxes.map((box) => box.id), eventDate: options.date, reason: options.reason };
          }
          const result = await call('folders.setEventDates', input);
          const written = [];
          if (options.out) {
            const transfers = await call('transfers.list', {});
            for (const number of result.transferNumbers) {
              const transfer = transfers.find((each) => each.number === number);
              if (transfer) written.push(await call('transfers.writeAmendments', { id: transfer.id, outDir: resolve(options.out) }));
            }
          }
          return { ...result, written: written.map(({ path, fingerprint, count: amendments }) => ({ path, fingerprint, count: amendments })) };
        },
      });
      if (options.json) return printJson(output, done);
      const what = options.date ? `event date ${options.date}` : 'an empty event date';
      output.stdout(`Recorded ${what}: ${count(done.updated, 'folder', 'folders')} in the office, ${count(done.amended, 'sent folder', 'sent folders')} with an amendment` +
        `${done.unchanged ? `, ${count(done.unchanged, 'folder', 'folders')} already had it` : ''}.\n`);
      if (done.transferNumbers.length > 0 && done.written.length === 0) {
        output.stdout(`Send the center the amendments of ${done.transferNumbers.join(', ')} (transmittal amend … --out, or the transfer page).\n`);
      }
      for (const file of done.written) output.stdout(`Wrote ${file.path} (${file.count} amendments, fingerprint ${file.fingerprint})\n`);
    });
}
