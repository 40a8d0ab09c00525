// `transmittal move-folder` and `transmittal rebox`: giving a box that mixes series or dates a way forward.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { reboxGroupings, type ReboxGrouping } from '../../shared/api/contract-catalog';
import { findBox } from './add-commands';
import { CliError } from './cli-errors';
import { withCatalog, type Call } from './catalog-session';
import type { CommandContext } from './command-context';
import { count, printJson } from './output';

async function folderIdsAt(call: Call, boxId: number, boxLabel: string, positions: string[]): Promise<number[]> {
  const folders = (await call('folders.list', { filter: { query: '', boxId }, offset: 0, limit: 1000 })).rows;
  return positions.map((position) => {
    const found = folders.find((each) => String(each.position) === position.trim());
    if (!found) {
      throw new CliError('domain', { code: 'not-found', message: `box ${boxLabel} has no folder ${position} (it has ${count(folders.length, 'folder', 'folders')})`, details: { option: '--folder' } });
    }
    return found.id;
  });
}

function grouping(value: string): ReboxGrouping {
  if ((reboxGroupings as readonly string[]).includes(value)) return value as ReboxGrouping;
  throw new InvalidArgumentError(`Expected ${reboxGroupings.join(' or ')}.`);
}

export function registerReboxCommands(program: Command, { output, openSession }: CommandContext): void {
  program
    .command('move-folder')
    .description('move folders to another box (to the end of it); undoable in the app')
    .argument('<catalog>', 'the catalog file (".transmittal" is added if missing)')
    .requiredOption('--from-box <label-or-id>', 'the box the folders are in')
    .requiredOption('--folder <position...>', 'the folders, by their number in that box')
    .requiredOption('--to-box <label-or-id>', 'the box they go to')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExample:\n  transmittal move-folder permits --from-box PW-004 --folder 3 7 --to-box PW-009')
    .action(async (catalog: string, options: { fromBox: string; folder: string[]; toBox: string; json?: boolean }) => {
      const done = await withCatalog({
        openSession,
        catalog,
        work: async (call) => {
          const from = await findBox(call, options.fromBox, catalog);
          const to = await findBox(call, options.toBox, catalog);
          return call('folders.move', { folderIds: await folderIdsAt(call, from.id, from.label, options.folder), toBoxId: to.id });
        },
      });
      if (options.json) return printJson(output, done);
      output.stdout(`Moved ${count(done.moved, 'folder', 'folders')} to box ${done.toBoxLabel}.\n`);
    });

  program
    .command('rebox')
    .description('split a box that mixes disposition dates (or series) into one box per date (or series)')
    .argument('<catalog>', 'the catalog file (".transmittal" is added if missing)')
    .requiredOption('--box <label-or-id>', 'the box to split')
    .option('--by <date|series>', 'one box per disposition date (default) or per series', grouping, 'date' as ReboxGrouping)
    .option('--dry-run', 'show the plan and change nothing')
    .option('--json', 'print the plan or the result as JSON')
    .addHelpText('after', '\nExample:\n  transmittal rebox permits --box PW-004 --dry-run\n  transmittal rebox permits --box PW-004')
    .action(async (catalog: string, options: { box: string; by: ReboxGrouping; dryRun?: boolean; json?: boolean }) => {
      const done = await withCatalog({
        openSession,
        catalog,
        work: async (call) => {
          const box = await findBox(call, options.box, catalog);
          const plan = await call('boxes.planRebox', { boxId: box.id, by: options.by });
          if (options.dryRun || plan.groups.length < 2) return { plan, result: null };
          const folders = plan.groups.reduce((sum, group) => sum + group.folders, 0);
          return { plan, result: await call('boxes.rebox', { boxId: box.id, by: options.by, expectFolders: folders }) };
        },
      });
      if (options.json) return printJson(output, done);
      const { plan, result } = done;
      if (plan.groups.length < 2) return output.stdout(`Box ${plan.label} holds one ${options.by === 'series' ? 'series' : 'disposition date'} only: nothing to re-box.\n`);
      output.stdout(`${result ? 'Re-boxed' : 'Plan for'} box ${plan.label}, one box per ${options.by === 'series' ? 'series' : 'disposition date'}:\n`);
      for (const group of plan.groups) {
        output.stdout(`  ${group.isNew ? 'new box ' : 'stays in '}${group.label}: ${count(group.folders, 'folder', 'folders')}, ${group.describes}\n`);
      }
      if (!result) return output.stdout('Nothing was changed (--dry-run).\n');
      if (result.transferNumbers.length > 0) output.stdout(`The new boxes were added to ${result.transferNumbers.join(', ')}; their labels print with its package.\n`);
    });
}
