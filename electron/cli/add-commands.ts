// `transmittal add-box` and `transmittal add-folder`: describe records from a script, one box or folder per call.
import type { Command } from 'commander';
import type { ApiInput } from '../../shared/api/contract';
import type { Box, ScheduleItem } from '../../shared/domain/types';
import { listBoxes } from './browse-commands';
import { CliError } from './cli-errors';
import { withCatalog, type Call } from './catalog-session';
import { decimalNumber, type CommandContext } from './command-context';
import { dispositionText, printJson } from './output';
import { findByItemNumber } from '../../shared/schedule/item-number';

const notFound = (message: string, details: Record<string, unknown>) => new CliError('domain', { code: 'not-found', message, details });

/**
 * A box named by the label the office writes on it, or by its id. The label wins: offices number boxes "1", "2"...,
 * and "--box 2" means their box 2, not whichever box the catalog happened to store second.
 */
export async function findBox(call: Call, labelOrId: string, catalog: string): Promise<Box> {
  const { rows } = await listBoxes(call, '');
  const wanted = labelOrId.trim();
  const exact = rows.filter((box) => box.label === wanted);
  const matches = exact.length > 0 ? exact : rows.filter((box) => box.label.toLowerCase() === wanted.toLowerCase());
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new CliError('domain', {
      code: 'invalid-input',
      message: `${matches.length} boxes are labelled "${wanted}"; give the box id instead (ids: ${matches.map((box) => box.id).join(', ')})`,
      details: { option: '--box', ids: matches.map((box) => box.id) },
    });
  }
  const byId = /^\d+$/.test(wanted) ? rows.find((box) => box.id === Number(wanted)) : undefined;
  if (byId) return byId;
  throw notFound(`there is no box labelled "${wanted}" in this catalog (see: transmittal list "${catalog}" boxes)`, { option: '--box' });
}


/** A schedule item by its number as the schedule prints it ("GS 1010"), ignoring case and spacing. */
export async function findScheduleItem(call: Call, itemNumber: string): Promise<ScheduleItem> {
  const items = await call('schedule.list', {});
  const item = findByItemNumber(items, itemNumber);
  if (item) return item;
  const known = items.slice(0, 10).map((each) => each.itemNumber);
  const hint = known.length === 0 ? 'this catalog has no retention schedule items yet' : `known items: ${known.join(', ')}${items.length > 10 ? ', …' : ''}`;
  throw notFound(`there is no schedule item numbered "${itemNumber.trim()}" (${hint})`, { option: '--item' });
}

interface AddBoxOptions {
  label: string;
  cubicFeet?: number;
  location?: string;
  json?: boolean;
}

interface AddFolderOptions {
  box: string;
  title: string;
  fileCode?: string;
  item?: string;
  begin?: string;
  end?: string;
  confidential?: boolean;
  json?: boolean;
}

export function registerAddCommands(program: Command, { output, openSession }: CommandContext): void {
  program
    .command('add-box')
    .description('add a box to a catalog')
    .argument('<catalog>', 'the catalog file (".transmittal" is added if missing)')
    .requiredOption('--label <label>', 'the label your office writes on the box')
    .option('--cubic-feet <n>', 'box size in cubic feet (default 1.2)', decimalNumber)
    .option('--location <text>', 'where the box is kept in the office')
    .option('--json', 'print the new box as JSON')
    .addHelpText('after', '\nExample:\n  transmittal add-box permits --label "2019-A" --cubic-feet 1.2 --location "Room 104"')
    .action(async (catalog: string, options: AddBoxOptions) => {
      const input: ApiInput<'boxes.create'> = { label: options.label };
      if (options.cubicFeet !== undefined) input.cubicFeet = options.cubicFeet;
      if (options.location !== undefined) input.officeLocation = options.location;
      const box = await withCatalog({ openSession, catalog, work: (call) => call('boxes.create', input) });
      if (options.json) printJson(output, box);
      else output.stdout(`Added box "${box.label}" (id ${box.id}, ${box.cubicFeet} cu. ft.).\n`);
    });

  program
    .command('add-folder')
    .description('add a folder to a box in a catalog')
    .argument('<catalog>', 'the catalog file (".transmittal" is added if missing)')
    .requiredOption('--box <label-or-id>', 'the box, by its label (or its id from "list boxes --json")')
    .requiredOption('--title <title>', 'the folder title as written on the tab')
    .option('--file-code <code>', 'your office’s file code')
    .option('--item <number>', 'the retention schedule item number, e.g. "GS 1010"')
    .option('--begin <date>', 'first date of the records: 2019-03-15, 2019-03, 2019 or FY2019')
    .option('--end <date>', 'last date of the records, written the same way')
    .option('--confidential', 'the folder holds confidential records (destroyed securely)')
    .option('--json', 'print the new folder as JSON')
    .addHelpText('after', '\nExample:\n  transmittal add-folder permits --box "2019-A" --title "Oak Street permits" --item "GS 1010" --begin 2019-01 --end 2019-12')
    .action(async (catalog: string, options: AddFolderOptions) => {
      const folder = await withCatalog({
        openSession,
        catalog,
        work: async (call) => {
          const box = await findBox(call, options.box, catalog);
          const fields: ApiInput<'folders.create'>['folder'] = { title: options.title };
          if (options.fileCode !== undefined) fields.fileCode = options.fileCode;
          if (options.item !== undefined) fields.scheduleItemId = (await findScheduleItem(call, options.item)).id;
          if (options.begin !== undefined) fields.beginDate = options.begin;
          if (options.end !== undefined) fields.endDate = options.end;
          if (options.confidential) fields.confidential = true;
          return call('folders.create', { boxId: box.id, folder: fields });
        },
      });
      if (options.json) return printJson(output, folder);
      const disposition = dispositionText(folder);
      output.stdout(
        `Added folder ${folder.position} "${folder.title}" to box "${folder.boxLabel}" (id ${folder.id})` +
          `${disposition ? `; disposition: ${disposition}` : ''}.\n`,
      );
    });
}
