// Opening the sample catalog from the welcome screen: it is built in the background with a progress bar, then the
// catalog lists its boxes and, on request, its folders.
import { expect, it } from 'vitest';
import { CatalogPage } from '../pages/catalog-page';
import { WelcomePage } from '../pages/welcome-page';
import { setupWebTests } from '../support/fixtures';
import { waitForReady } from '../support/browser';
import { progressBarsSeen, watchProgressBars } from '../support/in-page';

// The app's own default size (40 boxes), built from scratch in each test as a first-time user would.
const web = setupWebTests();

it('shows progress while the sample is built, then lists its boxes and folders', async () => {
  const page = web.page;
  const welcome = new WelcomePage(page);
  // Watch for the progress bar from before the click: it may come and go between two looks.
  await page.evaluate(watchProgressBars);
  await welcome.openSampleButton.click();

  const catalog = new CatalogPage(page);
  await catalog.heading.waitFor({ timeout: 60_000 });
  await waitForReady(page);
  const seen = await page.evaluate(progressBarsSeen);
  expect(seen.appeared).toBe(true);
  expect(seen.label).toBe('Opening the sample catalog');
  expect(seen.values.every((value) => value >= 0 && value <= 100)).toBe(true);

  expect(await catalog.countText()).toBe('40 boxes');
  const labels = await catalog.columnTexts(catalog.boxesGrid, 1);
  expect(labels.length).toBeGreaterThan(5);
  expect(labels.every((label) => label.trim() !== '')).toBe(true);
  expect(await page.locator('footer.status-bar .badge').innerText()).toBe('Sample');

  await catalog.show('Folders');
  const folderCount = await catalog.countNumber();
  const summary = await web.app.call('catalog.summary', {});
  expect(folderCount).toBe(summary.folders);
  expect(folderCount).toBeGreaterThan(100);
  const titles = await catalog.columnTexts(catalog.foldersGrid, 3);
  expect(titles.length).toBeGreaterThan(5);
  const firstPage = await web.app.call('folders.list', { offset: 0, limit: titles.length, filter: { query: '' } });
  expect(titles).toEqual(firstPage.rows.map((folder) => folder.title));
});
