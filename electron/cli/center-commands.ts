// `transmittal center add|set`: a records center profile, with every commitment the receipt prints as the center's
// own word (turnaround, notice before destruction, services, loss and damage policy, contact). Nothing is filled in
// for the center: what is not given stays "not stated", and sending waits for it.
import { InvalidArgumentError, type Command } from 'commander';
import type { ApiInput } from '../../shared/api/contract';
import type { DeliveryOption, RecordsCenter, RecordsCenterInput } from '../../shared/domain/types';
import { CliError } from './cli-errors';
import { withCatalog, type Call } from './catalog-session';
import type { CommandContext } from './command-context';
import { printJson } from './output';
import { wholeNumber } from './arguments';

interface CenterOptions {
  name?: string; address?: string; contactName?: string; phone?: string; email?: string; retrieval?: string;
  turnaround?: string; turnaroundDays?: number; noticeDays?: number; service?: DeliveryOption[]; lossPolicy?: string; mixedBoxes?: boolean; json?: boolean;
}

/** The words people type for each service, as --service takes them. */
const SERVICES: Record<string, DeliveryOption> = {
  box: 'box-returned',
  folder: 'folder-returned',
  scan: 'scan-on-demand',
  copy: 'scan-on-demand',
  review: 'review-on-site',
  pickup: 'pickup',
};

function service(text: string, all: DeliveryOption[] = []): DeliveryOption[] {
  const option = SERVICES[text.trim().toLowerCase()];
  if (!option) throw new InvalidArgumentError(`Expected one of ${Object.keys(SERVICES).join(', ')}.`);
  return all.includes(option) ? all : [...all, option];
}

function yesNo(value: string): boolean {
  if (/^(yes|y|true)$/i.test(value.trim())) return true;
  if (/^(no|n|false)$/i.test(value.trim())) return false;
  throw new InvalidArgumentError('Expected yes or no.');
}

function withCenterOptions(command: Command): Command {
  return command
    .option('--address <text>', 'where the boxes go (printed on the receipt)')
    .option('--contact-name <name>', 'who to call there')
    .option('--phone <phone>', 'contact phone')
    .option('--email <email>', 'contact email')
    .option('--retrieval <text>', 'how to ask for a box or folder back (printed on the receipt)')
    .option('--turnaround <text>', 'how fast records come back, in the center’s words')
    .option('--turnaround-days <n>', 'turnaround in working days, as the center states it', wholeNumber)
    .option('--notice-days <n>', 'days of notice the center gives before anything is destroyed', wholeNumber)
    .option('--service <service>', 'a service the center offers (repeatable): box, folder, scan, review, pickup', service)
    .option('--loss-policy <text>', 'what the center does if a box is lost or damaged, in its words')
    .option('--mixed-boxes <yes|no>', 'whether the center accepts boxes mixing series with different dates (kept until the latest)', yesNo)
    .option('--json', 'print the profile as JSON');
}

/** The options given, as profile fields; what was not given is left out (add: not stated; set: unchanged). */
function fieldsOf(options: CenterOptions): Partial<RecordsCenterInput> {
  const fields: Partial<RecordsCenterInput> = {};
  if (options.name !== undefined) fields.name = options.name;
  if (options.address !== undefined) fields.address = options.address;
  if (options.contactName !== undefined) fields.contactName = options.contactName;
  if (options.phone !== undefined) fields.contactPhone = options.phone;
  if (options.email !== undefined) fields.contactEmail = options.email;
  if (options.retrieval !== undefined) fields.retrievalInstructions = options.retrieval;
  if (options.turnaround !== undefined) fields.turnaround = options.turnaround;
  if (options.turnaroundDays !== undefined) fields.turnaroundWorkingDays = options.turnaroundDays;
  if (options.noticeDays !== undefined) fields.dispositionNoticeDays = options.noticeDays;
  if (options.service !== undefined) fields.deliveryOptions = options.service;
  if (options.lossPolicy !== undefined) fields.lossPolicy = options.lossPolicy;
  if (options.mixedBoxes !== undefined) fields.acceptsMixedBoxes = options.mixedBoxes;
  return fields;
}

/** What the receipt would still lack, said in the words the pre-send check uses. */
function notStated(center: RecordsCenter): string[] {
  const missing: string[] = [];
  if (!center.turnaround.trim()) missing.push('turnaround');
  if (center.turnaroundWorkingDays === null) missing.push('turnaround days');
  if (center.dispositionNoticeDays === null) missing.push('notice days');
  if (center.deliveryOptions.length === 0) missing.push('services');
  if (!center.lossPolicy.trim()) missing.push('loss policy');
  if (!center.contactPhone.trim() && !center.contactEmail.trim()) missing.push('phone or email');
  return missing;
}

async function findCenter(call: Call, nameOrId: string): Promise<RecordsCenter> {
  const centers = await call('centers.list', {});
  const wanted = nameOrId.trim();
  const found =
    centers.find((center) => center.name.toLowerCase() === wanted.toLowerCase()) ??
    (/^\d+$/.test(wanted) ? centers.find((center) => center.id === Number(wanted)) : undefined);
  if (found) return found;
  throw new CliError('domain', { code: 'not-found', message: `there is no records center "${wanted}" in this catalog`, details: { option: '<center>' } });
}

export function registerCenterCommands(program: Command, { output, openSession }: Pick<CommandContext, 'output' | 'openSession'>): void {
  const said = (verb: string, center: RecordsCenter) => {
    const missing = notStated(center);
    output.stdout(
      `${verb} records center ${center.id} “${center.name}”.` +
        (missing.length > 0 ? ` Not stated yet (sending to it waits for them): ${missing.join(', ')}.` : ' Everything a receipt promises is stated.') +
        '\n',
    );
  };
  const center = program.command('center').description('records centers your boxes go to');

  withCenterOptions(
    center
      .command('add')
      .description('add a records center profile')
      .argument('<catalog>', 'the catalog file (".transmittal" is added if missing)')
      .requiredOption('--name <name>', 'the records center’s name'),
  )
    .addHelpText(
      'after',
      '\nExample:\n  transmittal center add permits --name "State Records Center" --address "1 Archive Way" --email records@state.example \\\n' +
        '    --retrieval "Email the box number" --turnaround "Next working day" --turnaround-days 1 --notice-days 90 \\\n' +
        '    --service box --service folder --service scan --loss-policy "Reported within one working day; recovery at the center\'s cost"',
    )
    .action(async (catalog: string, options: CenterOptions) => {
      const input = { name: options.name!, ...fieldsOf(options) } as ApiInput<'centers.create'>;
      const created = await withCatalog({ openSession, catalog, work: (call) => call('centers.create', input) });
      if (options.json) return printJson(output, created);
      said('Added', created);
    });

  withCenterOptions(
    center
      .command('set')
      .description('change a records center profile: only the fields given change')
      .argument('<catalog>', 'the catalog file (".transmittal" is added if missing)')
      .argument('<center>', 'the records center, by name or id')
      .option('--name <name>', 'a new name'),
  )
    .addHelpText('after', '\nExample:\n  transmittal center set permits "State Records Center" --notice-days 90 --service box --service scan')
    .action(async (catalog: string, which: string, options: CenterOptions) => {
      const saved = await withCatalog({
        openSession,
        catalog,
        work: async (call) => {
          const { id, ...current } = await findCenter(call, which);
          return call('centers.update', { id, center: { ...current, ...fieldsOf(options) } });
        },
      });
      if (options.json) return printJson(output, saved);
      said('Saved', saved);
    });
}
