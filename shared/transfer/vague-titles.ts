// Vague folder titles, the records centers' top complaint about box lists: a title that says nothing about what is
// in the folder cannot be found again after transfer. Years and numbers are ignored ("Misc. 2019" is still vague).

const VAGUE = new Set([
  'misc', 'miscellaneous', 'general', 'stuff', 'various', 'old files', 'old stuff', 'to be sorted', 'to sort',
  'to be filed', 'to file', 'unsorted', 'other', 'others', 'random', 'files', 'file', 'folder', 'documents', 'docs',
  'papers', 'paperwork', 'box', 'junk', 'odds and ends', 'loose papers', 'unknown', 'tbd', 'n a', 'na', 'etc', 'see contents',
  'old records', 'records', 'personal', 'personal files', 'my files', 'archive', 'archives', 'keep', 'hold',
]);

/** Words that make any title starting with them vague ("Miscellaneous correspondence", "Various reports"). */
const VAGUE_FIRST_WORDS = new Set(['misc', 'miscellaneous', 'various', 'assorted', 'sundry']);

/** "Bob's files", "Mary's stuff": whose files, but not what they are. */
const SOMEONES_FILES = /^[a-z]+('s|s') (files?|stuff|papers|box|boxes|things|documents|docs|folders?|records)$/;

export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\b(fy|cy)?\d+\b/g, ' ')
    .replace(/[^a-z' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isVagueTitle(title: string): boolean {
  const normalized = normalizeTitle(title);
  if (normalized === '') return true;
  if (VAGUE.has(normalized) || SOMEONES_FILES.test(normalized)) return true;
  return VAGUE_FIRST_WORDS.has(normalized.split(' ')[0]);
}
