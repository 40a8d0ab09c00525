// Opening a catalog that cannot be opened for changes: one another program has open is offered read-only, and a
// damaged one offers a copy of its newest backup. Both from the welcome screen's recent list, as a person would.
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { expect, it } from 'vitest';
import { lockPathFor } from '../../../electron/storage/catalog-lock';
import { setupWebTests } from '../support/fixtures';

const web = setupWebTests();
const department = { name: 'Records Office' };

it('offers a catalog open in another program read-only, and says so once open', async () => {
  const created = await web.app.call('catalog.create', { fileName: 'Shared desk', department });
  await web.app.call('catalog.close', {});
  // Another program on this machine holds the catalog (a live process: this one).
  const holder = { app: 'Transmittal', id: 'other-window', pid: process.pid, host: hostname(), user: 'ana', program: 'the desktop app', since: new Date().toISOString() };
  await writeFile(lockPathFor(created.path), JSON.stringify(holder));
  await web.load();
  const { page } = web;

  await page.getByRole('button', { name: 'Shared desk', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'is open in the desktop app of ana' });
  await alert.waitFor();
  await page.getByRole('button', { name: 'Open read-only' }).click();
  const banner = page.locator('[data-save-problem="read-only"]');
  await banner.waitFor();
  expect(await banner.innerText()).toContain('This catalog is open read-only: it was opened read-only');
  expect((await web.app.call('app.status', {})).catalog?.readOnly).toBe('it was opened read-only');
  // The other program's lock is untouched.
  expect(JSON.parse(await readFile(lockPathFor(created.path), 'utf8')).id).toBe('other-window');
});

it('offers a copy of the newest backup of a damaged catalog', async () => {
  const created = await web.app.call('catalog.create', { fileName: 'Damaged desk', department });
  await web.app.call('boxes.create', { label: 'After the first backup' });
  await web.app.call('catalog.save', {});
  await web.app.call('catalog.close', {});
  const bytes = await readFile(created.path);
  for (let at = 100; at < 4096; at += 1) bytes[at] = (at * 7919) & 0xff;
  await writeFile(created.path, bytes);
  await web.load();
  const { page } = web;

  await page.getByRole('button', { name: 'Damaged desk', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'cannot be opened as a Transmittal catalog' }).waitFor();
  await page.getByRole('button', { name: 'Open a copy of the newest backup' }).click();
  await page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
  const status = await web.app.call('app.status', {});
  expect(status.catalog?.fileName).toMatch(/^Damaged desk \(backup of /);
  expect(status.catalog?.readOnly).toBeNull();
});
