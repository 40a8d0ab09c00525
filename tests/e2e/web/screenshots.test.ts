// The README's pictures, taken from the real app at 1280x800: the welcome screen, the sample catalog's box list, a
// box with its folder grid, the retention schedule, the records centers and the settings. Each is taken only
// once the screen has settled, and checked to show what it should (not a loading state, not an error).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { AppShell } from '../pages/app-shell';
import { BoxPage, COLUMN } from '../pages/box-page';
import { CatalogPage } from '../pages/catalog-page';
import { WelcomePage } from '../pages/welcome-page';
import { waitForReady } from '../support/browser';
import { setupWebTests } from '../support/fixtures';
import { blurFocused } from '../support/in-page';

export const SCREENSHOT_DIR = resolve('docs/screenshots');

// The sample the app offers (40 boxes), built once and opened from the welcome screen.
const web = setupWebTests({ sample: 'available' });

async function capture(name: string): Promise<void> {
  await waitForReady(web.page);
  // Nothing half-loaded or failed in the picture.
  expect(await web.page.getByText(/Loading…|Counting…|Opening…/).count()).toBe(0);
  expect(await web.page.getByRole('alert').count()).toBe(0);
  // A blinking caret or a hover highlight under a resting mouse does not belong in a picture.
  await web.page.evaluate(blurFocused);
  await web.page.mouse.move(0, 0);
  await web.page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, animations: 'disabled', caret: 'hide' });
}

it('writes docs/screenshots/*.png of the main screens', async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const page = web.page;
  const shell = new AppShell(page);

  const welcome = new WelcomePage(page);
  await welcome.heading.waitFor();
  await capture('welcome');

  await welcome.openSampleButton.click();
  const catalog = new CatalogPage(page);
  await catalog.heading.waitFor({ timeout: 60_000 });
  expect(await catalog.countText()).toBe('40 boxes');
  await catalog.columnTexts(catalog.boxesGrid, 1);
  await shell.waitUntilSaved();
  await capture('catalog');

  // A box with a good handful of folders, to show the grid filled.
  const boxes = (await web.app.call('boxes.list', { offset: 0, limit: 40, filter: { query: '' } })).rows;
  const shown = boxes.find((box) => box.folderCount >= 12 && box.seriesTitles.length === 1) ?? boxes[0];
  const box = await BoxPage.open(page, shown.id, shown.label);
  expect((await box.titles()).length).toBe(shown.folderCount);
  await box.select(3, COLUMN.title);
  await capture('box-detail');

  await shell.goTo('Schedule', 'Retention schedule');
  await page.locator('.schedule-table').waitFor();
  await capture('schedule');

  await shell.goTo('Records Center', 'Records centers');
  await page.locator('.center-card').first().waitFor();
  await capture('records-center');

  await shell.goTo('Settings', 'Settings');
  await page.getByRole('heading', { name: 'Department profile' }).waitFor();
  await capture('settings');
});
