// `transmittal department set`, `center add` and `schedule add`: the profiles and schedule a transfer needs, so a
// whole transfer can be scripted from an empty catalog.
import type { Command } from 'commander';
import { wholeNumber } from './arguments';
import type { ApiInput } from '../../shared/api/contract';
import type { RetentionRule } from '../../shared/domain/types';
import { describeRule } from '../../shared/schedule/disposition';
import { ruleFromRetentionText } from '../../shared/schedule/rule-form';
import { usageError } from './cli-errors';
import { withCatalog } from './catalog-session';
import type { CommandContext } from './command-context';
import { printJson } from './output';
import { registerCenterCommands } from './center-commands';

/** Commander option parser for a whole number of 0 or more (days, months). */
interface DepartmentOptions {
  name?: string; code?: string; address?: string; contactName?: string; phone?: string; email?: string;
  fiscalYearStart?: number; officialName?: string; officialTitle?: string; json?: boolean;
}

interface ScheduleOptions {
  item: string; title: string; retention?: string; years?: number; trigger?: string; event?: string; permanent?: boolean;
  disposition?: 'destroy' | 'archives' | 'review'; description?: string; citation?: string; json?: boolean;
}

const TRIGGERS: Record<string, 'calendar-year' | 'fiscal-year' | 'event'> = { cy: 'calendar-year', fy: 'fiscal-year', event: 'event' };

/** The rule from --retention text when Transmittal can read it, else from --permanent or --years/--trigger. */
function ruleOf(options: ScheduleOptions): RetentionRule {
  if (options.permanent) return { kind: 'permanent' };
  if (options.years !== undefined) {
    const trigger = TRIGGERS[(options.trigger ?? 'cy').toLowerCase()];
    if (!trigger) throw usageError('--trigger must be cy (end of calendar year), fy (end of fiscal year) or event');
    if (trigger === 'event' && !options.event) throw usageError('with --trigger event, name the event with --event "case closed"');
    return { kind: 'period', years: options.years, months: 0, trigger, eventName: trigger === 'event' ? options.event! : '' };
  }
  if (options.retention) {
    const rule = ruleFromRetentionText(options.retention);
    if (rule) return rule;
    throw usageError(`Transmittal cannot read the retention "${options.retention}"; give the rule with --years N --trigger cy|fy|event, or --permanent`);
  }
  throw usageError('give the retention, e.g. --retention "CY+3", or --years N --trigger cy|fy|event, or --permanent');
}

export function registerProfileCommands(program: Command, { output, openSession }: CommandContext): void {
  const department = program.command('department').description('your department’s profile, printed on every transfer');
  department
    .command('set')
    .description('set the department’s name, code, address and contact (options left out keep their value)')
    .argument('<catalog>', 'the catalog file (".transmittal" is added if missing)')
    .option('--name <name>', 'the department’s name')
    .option('--code <code>', 'short code used in transfer numbers, e.g. PW')
    .option('--address <text>', 'postal address')
    .option('--contact-name <name>', 'who the records center should ask')
    .option('--phone <phone>', 'contact phone')
    .option('--email <email>', 'contact email')
    .option('--official-name <name>', 'the official who releases records (the receipt’s “Released by”)')
    .option('--official-title <title>', 'that official’s title, e.g. "Director of Public Works"')
    .option('--fiscal-year-start <month>', 'first month of the fiscal year, 1 to 12 (7 = July)', wholeNumber)
    .option('--json', 'print the profile as JSON')
    .addHelpText('after', '\nExample:\n  transmittal department set permits --code PW --contact-name "Ana Ruiz" --email ana@city.example')
    .action(async (catalog: string, options: DepartmentOptions) => {
      const saved = await withCatalog({
        openSession,
        catalog,
        work: async (call) => {
          const current = await call('department.get', {});
          return call('department.update', {
            name: options.name ?? current.name,
            code: options.code ?? current.code,
            address: options.address ?? current.address,
            contactName: options.contactName ?? current.contactName,
            contactPhone: options.phone ?? current.contactPhone,
            contactEmail: options.email ?? current.contactEmail,
            officialName: options.officialName ?? current.officialName,
            officialTitle: options.officialTitle ?? current.officialTitle,
            fiscalYearStartMonth: options.fiscalYearStart ?? current.fiscalYearStartMonth,
          });
        },
      });
      if (options.json) printJson(output, saved);
      else output.stdout(`Saved the profile of ${saved.name}${saved.code ? ` (${saved.code})` : ''}.\n`);
    });

  registerCenterCommands(program, { output, openSession });

  const schedule = program.command('schedule').description('your retention schedule');
  schedule
    .command('add')
    .description('add a retention schedule item')
    .argument('<catalog>', 'the catalog file (".transmittal" is added if missing)')
    .requiredOption('--item <number>', 'the item number as the schedule prints it, e.g. "GS 1010"')
    .requiredOption('--title <title>', 'the series title')
    .option('--retention <text>', 'the retention as the schedule writes it: "CY+3", "FY+6", "Permanent", "3 years after case closed"')
    .option('--years <n>', 'retention period in years (instead of --retention)', wholeNumber)
    .option('--trigger <when>', 'with --years: cy (end of calendar year), fy (end of fiscal year) or event')
    .option('--event <name>', 'with --trigger event: the event, e.g. "case closed"')
    .option('--permanent', 'the records are kept permanently')
    .option('--disposition <action>', 'destroy, archives or review (default destroy)')
    .option('--description <text>', 'what the series holds')
    .option('--citation <text>', 'the legal authority')
    .option('--json', 'print the new item as JSON')
    .addHelpText('after', '\nExample:\n  transmittal schedule add permits --item "GS 1010" --title "Building permits" --retention "CY+3" --disposition destroy')
    .action(async (catalog: string, options: ScheduleOptions) => {
      const disposition = options.disposition ?? 'destroy';
      if (!['destroy', 'archives', 'review'].includes(disposition)) throw usageError('--disposition must be destroy, archives or review');
      const rule = ruleOf(options);
      const input: ApiInput<'schedule.create'> = {
        itemNumber: options.item,
        title: options.title,
        rule,
        retentionText: options.retention ?? describeRule(rule),
        disposition,
      };
      if (options.description !== undefined) input.description = options.description;
      if (options.citation !== undefined) input.citation = options.citation;
      const created = await withCatalog({ openSession, catalog, work: (call) => call('schedule.create', input) });
      if (options.json) printJson(output, created);
      else output.stdout(`Added ${created.itemNumber} ${created.title} (${describeRule(created.rule)}, ${created.disposition}).\n`);
    });
}
