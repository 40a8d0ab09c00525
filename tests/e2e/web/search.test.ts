// Search as you type over the sample catalog: a word prefix narrows the list to the folders it matches, and
// clearing the search brings the whole list back.
import { expect, it } from 'vitest';
import { CatalogPage } from '../pages/catalog-page';
import { setupWebTests } from '../support/fixtures';

const web = setupWebTests({ sample: 'open' });

/** Column indexes in the Folders list. */
const TITLE = 3;
const FILE_CODE = 4;

it('narrows the folders to a typed word prefix and restores them when cleared', async () => {
  const catalog = new CatalogPage(web.page);
  const everything = await web.app.call('folders.list', { offset: 0, limit: 1, filter: { query: '' } });
  const expected = await web.app.call('folders.list', { offset: 0, limit: 1000, filter: { query: 'lindq' } });
  // The sample is generated from a fixed seed; it files personnel folders under surnames such as Lindqvist.
  expect(expected.total).toBeGreaterThan(0);
  expect(expected.total).toBeLessThan(everything.total);

  // Typing a search switches to the folder list, since that is what it searches.
  await catalog.typeSearch('Lindq');
  expect(await catalog.countText()).toBe(`${expected.total} ${expected.total === 1 ? 'folder matches' : 'folders match'}`);
  const titles = await catalog.columnTexts(catalog.foldersGrid, TITLE);
  expect(titles.length).toBe(Math.min(expected.total, titles.length));
  expect(titles.length).toBeGreaterThan(0);
  for (const title of titles) expect(title).toMatch(/lindq/i);
  expect(titles).toEqual(expected.rows.slice(0, titles.length).map((folder) => folder.title));

  await catalog.clearSearch();
  expect(await catalog.countNumber()).toBe(everything.total);
  expect(await catalog.countText()).not.toMatch(/match/);
});

it('matches file codes as well as titles, and narrows further with each word', async () => {
  const catalog = new CatalogPage(web.page);
  const shelf = (await web.app.call('folders.list', { offset: 0, limit: 1000, filter: { query: '' } })).rows;
  const folder = shelf.find((each) => each.fileCode.startsWith('INS-'));
  expect(folder, 'the sample has inspection folders filed by code').toBeDefined();
  if (!folder) return;
  await catalog.typeSearch(folder.fileCode);
  expect(await catalog.columnTexts(catalog.foldersGrid, FILE_CODE)).toContain(folder.fileCode);
  const oneWord = await catalog.countNumber();

  // Every word must match, so a second word can only make the list shorter; the folder stays in it.
  const titleWord = folder.title.split(/\s+/)[0].slice(0, 5);
  await catalog.typeSearch(` ${titleWord}`);
  const twoWords = await catalog.countNumber();
  expect(twoWords).toBeGreaterThan(0);
  expect(twoWords).toBeLessThanOrEqual(oneWord);
  expect(await catalog.columnTexts(catalog.foldersGrid, TITLE)).toContain(folder.title);
});

it('says so when nothing matches', async () => {
  const catalog = new CatalogPage(web.page);
  await catalog.typeSearch('zzqxj');
  expect(await catalog.countText()).toBe('0 folders match');
  expect(await catalog.emptyState.innerText()).toContain('Nothing matches');
  expect(await catalog.foldersGrid.count()).toBe(0);
});
