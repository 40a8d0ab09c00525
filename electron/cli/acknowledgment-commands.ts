// `transmittal acknowledgment import`: a department takes in its records center's acknowledgment of a sent transfer.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { withCatalog } from './catalog-session';
import type { CommandContext } from './command-context';
import { printJson } from './output';

export function registerAcknowledgmentCommands(program: Command, { output, openSession }: CommandContext): void {
  const acknowledgment = program.command('acknowledgment').description('what the records center found, as it acknowledged a transfer');
  acknowledgment
    .command('import')
    .description('take in the center’s acknowledgment: where each box is shelved, and any discrepancy (the same file twice changes nothing)')
    .argument('<catalog>', 'the catalog file (".transmittal" is added if missing)')
    .argument('<file>', 'the acknowledgment the center sent (<transfer>-acknowledgment.json)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExample:\n  transmittal acknowledgment import permits PW-2026-003-acknowledgment.json')
    .action(async (catalog: string, file: string, options: { json?: boolean }) => {
      const done = await withCatalog({ openSession, catalog, work: (call) => call('acknowledgments.import', { file: { path: resolve(file) } }) });
      if (options.json) return printJson(output, done);
      output.stdout(`${done.message}\n`);
    });
}
