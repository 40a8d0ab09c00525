// Undo and redo: a deleted folder comes back from the toast's Undo and goes again with Redo; a deleted box, with
// its folders, comes back with Ctrl+Z and goes again with Ctrl+Shift+Z.
import { expect, it } from 'vitest';
import { AppShell } from '../pages/app-shell';
import { BoxPage, COLUMN } from '../pages/box-page';
import { CatalogPage } from '../pages/catalog-page';
import { waitForReady } from '../support/browser';
import { setupWebTests } from '../support/fixtures';

const web = setupWebTests();

async function boxWithFolders(label: string, titles: string[]): Promise<number> {
  const box = await web.app.call('boxes.create', { label });
  for (const title of titles) await web.app.call('folders.create', { boxId: box.id, folder: { title } });
  return box.id;
}

async function storedTitles(boxId: number): Promise<string[]> {
  return (await web.app.call('folders.list', { offset: 0, limit: 100, filter: { query: '', boxId } })).rows.map((folder) => folder.title);
}

it('brings a deleted folder back with Undo, and removes it again with Redo', async () => {
  await web.app.call('catalog.create', { fileName: 'Undo test', department: { name: 'Records Office' } });
  const boxId = await boxWithFolders('U-1', ['Alpha', 'Bravo', 'Charlie']);
  await web.load();
  const shell = new AppShell(web.page);
  const box = await BoxPage.open(web.page, boxId, 'U-1');

  await box.select(3, COLUMN.title);
  await box.deleteFolderButton.click();
  const toast = shell.toast('Folder “Bravo” deleted');
  await toast.waitFor();
  await box.settled();
  expect(await box.titles()).toEqual(['Alpha', 'Charlie']);
  expect(await storedTitles(boxId)).toEqual(['Alpha', 'Charlie']);

  await toast.getByRole('button', { name: 'Undo delete' }).click();
  await shell.toast(/^Undone: /).waitFor();
  await box.settled();
  expect(await box.titles()).toEqual(['Alpha', 'Bravo', 'Charlie']);
  expect(await storedTitles(boxId)).toEqual(['Alpha', 'Bravo', 'Charlie']);

  await shell.redoButton.click();
  await shell.toast(/^Redone: /).waitFor();
  await box.settled();
  expect(await box.titles()).toEqual(['Alpha', 'Charlie']);
  expect(await storedTitles(boxId)).toEqual(['Alpha', 'Charlie']);
});

it('brings a deleted box back with its folders with Ctrl+Z, and deletes it again with Ctrl+Shift+Z', async () => {
  await web.app.call('catalog.create', { fileName: 'Undo box test', department: { name: 'Records Office' } });
  await boxWithFolders('Keep me', ['Kept folder']);
  const boxId = await boxWithFolders('Delete me', ['One', 'Two']);
  await web.load();
  const shell = new AppShell(web.page);
  await BoxPage.open(web.page, boxId, 'Delete me');

  await web.page.getByRole('button', { name: 'Delete box', exact: true }).click();
  const confirm = web.page.getByRole('dialog', { name: 'Delete box Delete me?' });
  expect(await confirm.innerText()).toContain('Its 2 folders are deleted with it');
  await confirm.getByRole('button', { name: 'Delete box' }).click();
  await shell.toast('Box Delete me deleted').waitFor();
  const catalog = new CatalogPage(web.page);
  await catalog.heading.waitFor();
  expect(await catalog.countText()).toBe('1 box');
  expect(await catalog.columnTexts(catalog.boxesGrid, 1)).toEqual(['Keep me']);
  expect(await shell.page.locator('#undo-label').innerText()).toMatch(/Delete me/);

  await web.page.keyboard.press('Control+z');
  await shell.toast(/^Undone: /).waitFor();
  await waitForReady(web.page);
  expect(await catalog.countText()).toBe('2 boxes');
  expect((await catalog.columnTexts(catalog.boxesGrid, 1)).sort()).toEqual(['Delete me', 'Keep me']);
  expect(await storedTitles(boxId)).toEqual(['One', 'Two']);

  await web.page.keyboard.press('Control+Shift+Z');
  await shell.toast(/^Redone: /).waitFor();
  await waitForReady(web.page);
  expect(await catalog.countText()).toBe('1 box');
  expect((await web.app.call('boxes.list', { offset: 0, limit: 10, filter: { query: '' } })).rows.map((row) => row.label)).toEqual(['Keep me']);
});
