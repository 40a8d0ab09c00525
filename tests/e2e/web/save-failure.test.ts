// A save that fails is said where the person looks, until a save works: the status bar and a banner with Try saving
// again and Save as; closing asks before dropping anything, and "Keep it open" keeps every change.
import { expect, it } from 'vitest';
import { faultyFileSystem, noFaults } from '../../unit/storage/fixtures/faulty-fs';
import { setupWebTests } from '../support/fixtures';

const faults = noFaults();
const web = setupWebTests({ app: { fileSystem: faultyFileSystem(faults), autosaveDelayMs: 100 } });

it('shows a failed save until it works, and closing asks before dropping the changes', async () => {
  Object.assign(faults, noFaults());
  await web.app.call('catalog.create', { fileName: 'Full disk', department: { name: 'Records Office' } });
  await web.load();
  const { page } = web;

  faults.bytesLeft = 0;
  await web.app.call('boxes.create', { label: 'Not yet on disk' });
  const status = page.locator('[data-save-state]');
  await status.filter({ hasText: 'the disk is full' }).waitFor();
  const banner = page.locator('[data-save-problem="save-failed"]');
  await banner.waitFor();
  expect(await banner.innerText()).toContain('Your latest changes are not saved');

  await page.getByRole('button', { name: 'Close catalog' }).click();
  const ask = page.getByRole('dialog', { name: 'Close without saving?' });
  await ask.waitFor();
  await ask.getByRole('button', { name: 'Keep it open' }).click();
  await ask.waitFor({ state: 'detached' });
  expect(await status.innerText()).toContain('Not saved');
  expect((await web.app.call('app.status', {})).catalog?.fileName).toBe('Full disk');

  Object.assign(faults, noFaults());
  await banner.getByRole('button', { name: 'Try saving again' }).click();
  await banner.waitFor({ state: 'detached' });
  await status.filter({ hasText: /^Saved/ }).waitFor();
  const saved = await web.app.call('app.status', {});
  expect(saved.save).toMatchObject({ dirty: false, error: null });
});
