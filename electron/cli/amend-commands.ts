// `transmittal amend`: a correction after sending, from a script. The signed manifest stays as it was; the
// correction is recorded as an amendment with its reason, and `--out` writes the amendments file for the center.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ApiInput } from '../../shared/api/contract';
import { amendableBoxFields, amendableFolderFields } from '../../shared/exchange/amendments';
import { findBox } from './add-commands';
import { CliError, usageError } from './cli-errors';
import { withCatalog } from './catalog-session';
import type { CommandContext } from './command-context';
import { printJson } from './output';

/** "title=Oak Street permits" → ["title", "Oak Street permits"]; numbers and yes/no are typed as the field needs. */
function parseSetting(text: string, allowed: readonly string[]): [string, string | number | boolean] {
  const at = text.indexOf('=');
  const field = at > 0 ? text.slice(0, at).trim() : '';
  if (!allowed.includes(field)) throw usageError(`--set "${text}": say FIELD=VALUE, where FIELD is one of ${allowed.join(', ')}`);
  const value = text.slice(at + 1);
  if (field === 'cubicFeet') {
    const number = Number(value);
    if (!Number.isFinite(number)) throw usageError(`--set ${field}=${value}: the size is a number of cubic feet, e.g. 1.2`);
    return [field, number];
  }
  if (field === 'confidential') {
    if (!/^(yes|no|true|false)$/i.test(value)) throw usageError(`--set confidential=${value}: say yes or no`);
    return [field, /^(yes|true)$/i.test(value)];
  }
  return [field, value];
}

export function registerAmendCommand(program: Command, { output, openSession }: CommandContext): void {
  program
    .command('amend')
    .description('correct a sent box or folder: recorded as an amendment on its transfer, the signed manifest unchanged')
    .argument('<catalog>', 'the catalog file (".transmittal" is added if missing)')
    .requiredOption('--box <label-or-id>', 'the sent box')
    .option('--folder <position>', 'the folder\'s number in the box (omit to correct the box itself)')
    .option('--set <field=value>', `a corrected value (repeatable); box: ${amendableBoxFields.join(', ')}; folder: ${amendableFolderFields.join(', ')}`, (value: string, all: string[]) => [...all, value], [] as string[])
    .requiredOption('--reason <text>', 'why it is corrected (the center reads it)')
    .option('--out <dir>', 'also write the transfer\'s amendments file for the center into this folder')
    .option('--json', 'print the amendments as JSON')
    .addHelpText('after', '\nExample:\n  transmittal amend permits --box PW-001 --folder 2 --set "title=Oak Street permits (1 of 2)" --reason "The label inside says 1 of 2"')
    .action(async (catalog: string, options: { box: string; folder?: string; set: string[]; reason: string; out?: string; json?: boolean }) => {
      if (options.set.length === 0) throw usageError('say what to correct with --set FIELD=VALUE');
      const done = await withCatalog({
        openSession,
        catalog,
        work: async (call) => {
          const box = await findBox(call, options.box, catalog);
          let input: ApiInput<'transfers.amend'>;
          if (options.folder === undefined) {
            input = { target: { boxId: box.id }, changes: Object.fromEntries(options.set.map((each) => parseSetting(each, amendableBoxFields))), reason: options.reason };
          } else {
            const position = Number(options.folder);
            const folders = (await call('folders.list', { filter: { query: '', boxId: box.id }, offset: 0, limit: 1000 })).rows;
            const folder = folders.find((each) => each.position === position);
            if (!folder) {
              throw new CliError('domain', { code: 'not-found', message: `box ${box.label} has no folder ${options.folder} (it has ${folders.length})`, details: { option: '--folder' } });
            }
            input = { target: { folderId: folder.id }, changes: Object.fromEntries(options.set.map((each) => parseSetting(each, amendableFolderFields))), reason: options.reason };
          }
          const made = await call('transfers.amend', input);
          const written = options.out ? await call('transfers.writeAmendments', { id: made.transferId, outDir: resolve(options.out) }) : null;
          return { ...made, written: written && { path: written.path, fingerprint: written.fingerprint, count: written.count } };
        },
      });
      if (options.json) return printJson(output, done);
      for (const amendment of done.amendments) {
        const where = amendment.folder ? `box ${amendment.box.label}, folder ${amendment.folder.position}` : `box ${amendment.box.label}`;
        output.stdout(`Corrected ${where} of transfer ${done.transferNumber}: ${amendment.field} ${JSON.stringify(amendment.before)} → ${JSON.stringify(amendment.after)}\n`);
      }
      if (done.written) output.stdout(`Wrote ${done.written.path} (${done.written.count} amendments, fingerprint ${done.written.fingerprint})\n`);
    });
}
