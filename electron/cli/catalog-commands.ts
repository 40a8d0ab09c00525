// `transmittal init`: a new, empty catalog for a department.
import { Option, type Command } from 'commander';
import { withNewCatalog } from './catalog-session';
import type { CommandContext } from './command-context';
import { printJson } from './output';

export function registerCatalogCommands(program: Command, { output, openSession }: CommandContext): void {
  program
    .command('init')
    .description('create a new catalog file for your department')
    .argument('<catalog>', 'path of the new catalog (".transmittal" is added if missing)')
    .requiredOption('--department <name>', 'your department’s name (or, for --role records-center, the center’s), as paperwork shows it')
    .addOption(new Option('--role <role>', 'whose catalog: a department’s own records, or a records center’s holdings').choices(['department', 'records-center']).default('department'))
    .option('--json', 'print the new catalog’s details as JSON')
    .addHelpText('after', '\nExample:\n  transmittal init permits.transmittal --department "Building Permits"')
    .action(async (catalog: string, options: { department: string; role: 'department' | 'records-center'; json?: boolean }) => {
      const info = await withNewCatalog({ openSession, catalog, department: options.department, role: options.role, work: async (_call, created) => created });
      if (options.json) printJson(output, info);
      else output.stdout(`Created ${info.role === 'records-center' ? 'records center catalog' : 'catalog'} ${info.path} for ${info.departmentName}.\n`);
    });
}
