// `transmittal init`: a new, empty catalog for a department.
import type { Command } from 'commander';
import { withNewCatalog } from './catalog-session';
import type { CommandContext } from './command-context';
import { printJson } from './output';

export function registerCatalogCommands(program: Command, { output, openSession }: CommandContext): void {
  program
    .command('init')
    .description('create a new catalog file for your department')
    .argument('<catalog>', 'path of the new catalog (".transmittal" is added if missing)')
    .requiredOption('--department <name>', 'your department’s name, as it should appear on transfer paperwork')
    .option('--json', 'print the new catalog’s details as JSON')
    .addHelpText('after', '\nExample:\n  transmittal init permits.transmittal --department "Building Permits"')
    .action(async (catalog: string, options: { department: string; json?: boolean }) => {
      const info = await withNewCatalog({ openSession, catalog, department: options.department, work: async (_call, created) => created });
      if (options.json) printJson(output, info);
      else output.stdout(`Created catalog ${info.path} for ${info.departmentName}.\n`);
    });
}
