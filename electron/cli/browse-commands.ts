// `transmittal list` and `transmittal search`: read a catalog's boxes and folders, as a table or as JSON.
import { Argument, type Command } from 'commander';
import type { Page } from '../../shared/api/contract';
import type { Box, Folder } from '../../shared/domain/types';
import { withCatalog, type Call } from './catalog-session';
import { positiveWholeNumber, type CommandContext } from './command-context';
import { boxTable, count, folderTable, printJson, type CliOutput } from './output';

/** The API answers at most this many rows per call. */
const PAGE_SIZE = 1000;

/** Reads page after page until `limit` rows (or all of them) are in hand. */
export async function readAll<T>(readPage: (offset: number, limit: number) => Promise<Page<T>>, limit = Infinity) {
  const rows: T[] = [];
  let total = 0;
  while (rows.length < limit) {
    const page = await readPage(rows.length, Math.min(PAGE_SIZE, limit - rows.length));
    total = page.total;
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= total) break;
  }
  return { rows, total };
}

export const listBoxes = (call: Call, query: string, limit?: number) =>
  readAll<Box>((offset, pageLimit) => call('boxes.list', { offset, limit: pageLimit, filter: { query } }), limit);

export const listFolders = (call: Call, query: string, limit?: number) =>
  readAll<Folder>((offset, pageLimit) => call('folders.list', { offset, limit: pageLimit, filter: { query } }), limit);

function printRows(
  output: CliOutput,
  found: { rows: unknown[]; total: number },
  noun: [singular: string, plural: string],
  table: string,
  json: boolean | undefined,
  none: string,
): void {
  if (json) return printJson(output, found.rows);
  if (found.rows.length === 0) return output.stdout(`${none}\n`);
  output.stdout(table);
  if (found.total > found.rows.length) {
    output.stdout(`Showing ${found.rows.length.toLocaleString('en-US')} of ${count(found.total, ...noun)} (use --limit to see more).\n`);
  }
}

interface ReadOptions {
  json?: boolean;
  limit?: number;
}

export function registerBrowseCommands(program: Command, { output, openSession }: CommandContext): void {
  program
    .command('list')
    .description('list the boxes or the folders in a catalog')
    .argument('<catalog>', 'the catalog file (".transmittal" is added if missing)')
    .addArgument(new Argument('<what>', 'what to list').choices(['boxes', 'folders']))
    .option('--json', 'print the rows as JSON')
    .option('--limit <n>', 'list at most this many rows', positiveWholeNumber)
    .addHelpText('after', '\nExamples:\n  transmittal list permits boxes\n  transmittal list permits folders --json --limit 50')
    .action(async (catalog: string, what: 'boxes' | 'folders', options: ReadOptions) => {
      await withCatalog({
        openSession,
        catalog,
        readOnly: true,
        work: async (call) => {
          if (what === 'boxes') {
            const found = await listBoxes(call, '', options.limit);
            printRows(output, found, ['box', 'boxes'], boxTable(found.rows), options.json, 'This catalog has no boxes yet.');
          } else {
            const found = await listFolders(call, '', options.limit);
            printRows(output, found, ['folder', 'folders'], folderTable(found.rows), options.json, 'This catalog has no folders yet.');
          }
        },
      });
    });

  program
    .command('search')
    .description('find folders by words in their title, file code or notes, or by their series title or item number')
    .argument('<catalog>', 'the catalog file (".transmittal" is added if missing)')
    .argument('<query>', 'words to look for; the start of a word is enough ("perm" finds "permits")')
    .option('--json', 'print the matching folders as JSON')
    .option('--limit <n>', 'show at most this many folders', positiveWholeNumber)
    .addHelpText('after', '\nExample:\n  transmittal search permits "oak street"')
    .action(async (catalog: string, query: string, options: ReadOptions) => {
      await withCatalog({
        openSession,
        catalog,
        readOnly: true,
        work: async (call) => {
          const found = await listFolders(call, query, options.limit);
          printRows(output, found, ['folder', 'folders'], folderTable(found.rows), options.json, `No folders match "${query}".`);
        },
      });
    });
}
