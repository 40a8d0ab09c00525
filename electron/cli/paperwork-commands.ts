// `transmittal paperwork …`: the paperwork a catalog keeps (manifests, acknowledgments, notices, responses,
// certificates, holds, retrieval requests and updates), found by number, box label or words, and how many years it
// is kept after the last of its records was destroyed. Nothing here deletes: paperwork outlives the boxes.
import { InvalidArgumentError, type Command } from 'commander';
import { paperworkKindWords, type PaperworkRow } from '../../shared/api/contract-disposition';
import { withCatalog } from './catalog-session';
import { positiveWholeNumber, type CommandContext } from './command-context';
import { catalogArgument } from './disposition-commands';
import { count, formatTable, printJson } from './output';

/** The same bounds the catalog keeps (1 to 100), checked here so a mistyped value is a usage error (exit 2). */
function paperworkYears(text: string): number {
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > 100) throw new InvalidArgumentError('Expected a whole number of years from 1 to 100.');
  return value;
}

const yearsWords = (years: number) => `${count(years, 'year', 'years')} after the last of its records is destroyed or sent to the archives`;

function paperworkTable(rows: PaperworkRow[]): string {
  return formatTable(
    ['Kind', 'Number', 'Date', 'Kept until', 'Fingerprint', 'About'],
    rows.map((row) => [
      paperworkKindWords[row.kind],
      row.number,
      row.at.slice(0, 10),
      row.keepUntil ?? 'while the records exist',
      row.fingerprint ? row.fingerprint.slice(0, 12) : 'not sealed yet',
      row.about,
    ]),
  );
}

export function registerPaperworkCommands(program: Command, { output, openSession }: CommandContext): void {
  const paperwork = program
    .command('paperwork')
    .description('the paperwork kept (manifests, acknowledgments, notices, responses, certificates): never deleted with the boxes');

  paperwork
    .command('list')
    .description('every document kept, newest first, with until when it is kept')
    .argument(...catalogArgument)
    .option('--search <words>', 'a number, a box label, words of what it is about, or the start of a fingerprint')
    .option('--limit <count>', 'show at most this many (default 200)', positiveWholeNumber)
    .option('--json', 'print the list as JSON')
    .addHelpText('after', '\nExamples:\n  transmittal paperwork list permits\n  transmittal paperwork list permits --search PW-12')
    .action(async (catalog: string, options: { search?: string; limit?: number; json?: boolean }) => {
      const query = options.search?.trim() ?? '';
      const limit = options.limit ?? 200;
      const found = await withCatalog({ openSession, catalog, readOnly: true, work: (call) => call('paperwork.list', { query, limit }) });
      if (options.json) return printJson(output, found);
      if (found.rows.length === 0) {
        return output.stdout(
          query
            ? `No paperwork matches "${query}".\n`
            : `No paperwork yet. Every manifest, acknowledgment, notice, response and certificate is kept here, also after the records are destroyed, for ${count(found.years, 'year', 'years')}.\n`,
        );
      }
      output.stdout(paperworkTable(found.rows));
      output.stdout(
        `${count(found.rows.length, 'document', 'documents')}${found.rows.length >= limit ? ` (the first ${limit}; search or raise --limit to see more)` : ''}. Each is kept while its records exist, then ${yearsWords(found.years)}.\n`,
      );
    });

  paperwork
    .command('years')
    .description('how many years paperwork is kept after its records are destroyed: shown, or set when a number is given')
    .argument(...catalogArgument)
    .argument('[years]', 'the new number of years, from 1 to 100 (default of a new catalog: 6)', paperworkYears)
    .option('--json', 'print the setting as JSON')
    .addHelpText('after', '\nExamples:\n  transmittal paperwork years permits\n  transmittal paperwork years permits 10')
    .action(async (catalog: string, years: number | undefined, options: { json?: boolean }) => {
      if (years === undefined) {
        const shown = await withCatalog({ openSession, catalog, readOnly: true, work: async (call) => ({ years: (await call('paperwork.list', { query: '', limit: 1 })).years }) });
        if (options.json) return printJson(output, shown);
        return output.stdout(`Paperwork is kept ${yearsWords(shown.years)}.\n`);
      }
      const set = await withCatalog({ openSession, catalog, work: (call) => call('paperwork.setYears', { years }) });
      if (options.json) return printJson(output, set);
      output.stdout(`Paperwork is now kept ${yearsWords(set.years)}.\n`);
    });
}
