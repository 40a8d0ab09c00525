// axe-core (WCAG 2 A and AA) on the main screens, filled with the sample catalog: no serious or critical violation.
// Everything axe finds is printed, whatever its impact.
import { expect, it } from 'vitest';
import { AppShell } from '../pages/app-shell';
import { BoxPage } from '../pages/box-page';
import { CatalogPage } from '../pages/catalog-page';
import { WelcomePage } from '../pages/welcome-page';
import { checkAccessibility } from '../support/axe';
import { setupWebTests } from '../support/fixtures';

const web = setupWebTests({ sample: 'open', sampleBoxes: 6 });

async function expectNoSeriousViolations(screen: string): Promise<void> {
  const { serious } = await checkAccessibility(web.page, screen);
  expect(serious.map((finding) => `${finding.id}: ${finding.help} (${finding.targets[0] ?? ''})`)).toEqual([]);
}

it('the welcome screen', async () => {
  await web.app.call('catalog.close', {});
  await web.load();
  await new WelcomePage(web.page).heading.waitFor();
  await expectNoSeriousViolations('welcome screen');
});

it('the catalog lists (boxes, then folders)', async () => {
  const catalog = new CatalogPage(web.page);
  await catalog.countText();
  await catalog.columnTexts(catalog.boxesGrid, 1);
  await expectNoSeriousViolations('catalog: boxes');
  await catalog.show('Folders');
  await catalog.columnTexts(catalog.foldersGrid, 1);
  await expectNoSeriousViolations('catalog: folders');
});

it('the Add box dialog', async () => {
  await web.page.getByRole('button', { name: 'Add box', exact: true }).click();
  await web.page.getByRole('dialog', { name: 'Add a box' }).waitFor();
  await expectNoSeriousViolations('Add box dialog');
});

it('the box detail with its folder grid, also while a cell is edited and after a refused edit', async () => {
  // The smallest box with folders: axe's time grows with the cells, its findings do not.
  const boxes = (await web.app.call('boxes.list', { offset: 0, limit: 100, filter: { query: '' } })).rows.filter((each) => each.folderCount > 0);
  const smallest = boxes.reduce((best, each) => (each.folderCount < best.folderCount ? each : best));
  const box = await BoxPage.open(web.page, smallest.id, smallest.label);
  await expectNoSeriousViolations('box detail');
  await box.select(2, 6);
  await web.page.keyboard.type('2019-13-45');
  await expectNoSeriousViolations('box detail, editing a cell');
  await web.page.keyboard.press('Enter');
  await box.folderCell(1, 6).getByRole('alert').waitFor();
  await expectNoSeriousViolations('box detail, refused edit');
});

it('the retention schedule', async () => {
  await new AppShell(web.page).goTo('Schedule', 'Retention schedule');
  await web.page.locator('.schedule-table').waitFor();
  await expectNoSeriousViolations('schedule');
});

it('the records centers', async () => {
  await new AppShell(web.page).goTo('Records Center', 'Records centers');
  await web.page.locator('.center-card').first().waitFor();
  await expectNoSeriousViolations('records centers');
});

it('the settings', async () => {
  await new AppShell(web.page).goTo('Settings', 'Settings');
  await web.page.getByRole('heading', { name: 'Department profile' }).waitFor();
  await expectNoSeriousViolations('settings');
});

it('the transfers', async () => {
  await new AppShell(web.page).goTo('Transfers', /Transfers/);
  await expectNoSeriousViolations('transfers');
});
