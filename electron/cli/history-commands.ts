// `transmittal history`: a box's timeline in words, and the check that no custody event was changed or removed.
import type { Command } from 'commander';
import { findBox } from './add-commands';
import { CliError } from './cli-errors';
import { withCatalog } from './catalog-session';
import type { CommandContext } from './command-context';
import { count, printJson } from './output';

export function registerHistoryCommands(program: Command, { output, openSession }: CommandContext): void {
  const history = program.command('history').description('what happened to the boxes, from custody events that cannot be changed unseen');
  history
    .command('verify')
    .description('check the custody events’ hash chain: exit 1 naming the first event changed or missing')
    .argument('<catalog>', 'the catalog file (".transmittal" is added if missing)')
    .option('--json', 'print the check as JSON')
    .action(async (catalog: string, options: { json?: boolean }) => {
      const check = await withCatalog({ openSession, catalog, readOnly: true, work: (call) => call('custody.verify', {}) });
      if (options.json) printJson(output, check);
      if (check.broken) {
        throw new CliError('domain', {
          code: 'catalog-corrupt',
          message: `the custody history was changed: event ${check.broken.eventId}: ${check.broken.reason}`,
          details: { eventId: check.broken.eventId },
        });
      }
      if (!options.json) output.stdout(`The custody history holds: ${count(check.events, 'event', 'events')}, none changed or missing.\n`);
    });
  history
    .command('box')
    .description('a box’s timeline: catalogued, sent, received, shelved, discrepancies, with when and by whom')
    .argument('<catalog>', 'the catalog file (".transmittal" is added if missing)')
    .requiredOption('--box <label-or-id>', 'the box')
    .option('--json', 'print the timeline as JSON')
    .action(async (catalog: string, options: { box: string; json?: boolean }) => {
      const timeline = await withCatalog({
        openSession,
        catalog,
        readOnly: true,
        work: async (call) => call('boxes.timeline', { id: (await findBox(call, options.box, catalog)).id }),
      });
      if (options.json) return printJson(output, timeline);
      for (const entry of timeline) output.stdout(`${entry.at}  ${entry.what}${entry.actor ? `  (${entry.actor})` : ''}\n`);
    });
}
