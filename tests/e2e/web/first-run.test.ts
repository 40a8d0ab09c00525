// First run: no catalog yet. The welcome screen offers both ways in, and creating a catalog lands in an empty
// catalog that teaches what to do next.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { AppShell } from '../pages/app-shell';
import { CatalogPage } from '../pages/catalog-page';
import { WelcomePage } from '../pages/welcome-page';
import { setupWebTests } from '../support/fixtures';

const web = setupWebTests();

it('offers "Create a catalog" and "Open the sample catalog" on the welcome screen', async () => {
  const welcome = new WelcomePage(web.page);
  await welcome.heading.waitFor();
  expect(await web.page.title()).toBe('Transmittal');
  expect(await welcome.createButton.isVisible()).toBe(true);
  expect(await welcome.openSampleButton.isVisible()).toBe(true);
  expect(await welcome.departmentName.inputValue()).toBe('');
  // No catalog is open, so there is no navigation to screens that would need one.
  expect(await web.page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
});

it('creates a catalog named after the department and lands in its empty catalog', async () => {
  const welcome = new WelcomePage(web.page);
  await welcome.departmentName.fill('Building Permits Office');
  // The catalog's file name follows the department name until the person changes it.
  expect(await welcome.catalogName.inputValue()).toBe('Building Permits Office');
  await welcome.createCatalog('Building Permits Office');

  const catalog = new CatalogPage(web.page);
  const shell = new AppShell(web.page);
  expect(await catalog.countText()).toBe('0 boxes');
  const empty = await catalog.emptyState.innerText();
  expect(empty).toContain('No boxes yet. Add your first box');
  expect(empty).toContain('use the label your office writes on it');
  expect(await catalog.emptyState.getByRole('button', { name: 'Add box' }).isVisible()).toBe(true);
  expect(await shell.statusBar.innerText()).toContain('Building Permits Office');
  expect(await shell.link('Catalog').getAttribute('aria-current')).toBe('page');
  expect(await web.page.title()).toBe('Catalog — Transmittal');

  const status = await web.app.call('app.status', {});
  expect(status.catalog).toMatchObject({ fileName: 'Building Permits Office', departmentName: 'Building Permits Office', isSample: false });
  expect(existsSync(join(web.app.workspaceDir, 'Building Permits Office.transmittal'))).toBe(true);
});

it('refuses a catalog name that is already taken, with a message, and stays on the welcome screen', async () => {
  await web.app.call('catalog.create', { fileName: 'Taken', department: { name: 'Someone else' } });
  await web.app.call('catalog.close', {});
  await web.load();
  const welcome = new WelcomePage(web.page);
  await welcome.departmentName.fill('Permits');
  await welcome.catalogName.fill('Taken');
  await welcome.createButton.click();
  const alert = web.page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toMatch(/Taken/);
  expect(await welcome.heading.isVisible()).toBe(true);
  expect((await web.app.call('app.status', {})).catalog).toBeNull();
});
