// The catalog screen: the box and folder lists, the search box, and the Add box dialog.
import type { Locator, Page } from 'playwright-core';
import { waitForReady } from '../support/browser';
import { listCountSettled } from '../support/in-page';
import { BoxPage } from './box-page';

export class CatalogPage {
  readonly heading: Locator;
  readonly count: Locator;
  readonly search: Locator;
  readonly boxesGrid: Locator;
  readonly foldersGrid: Locator;
  readonly emptyState: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Catalog' });
    this.count = page.locator('[data-list-count]');
    this.search = page.getByRole('searchbox', { name: 'Search folders' });
    this.boxesGrid = page.getByRole('grid', { name: 'Boxes', exact: true });
    this.foldersGrid = page.getByRole('grid', { name: 'Folders', exact: true });
    this.emptyState = page.locator('.empty-state');
  }

  viewButton(view: 'Boxes' | 'Folders'): Locator {
    return this.page.getByRole('group', { name: 'Show' }).getByRole('button', { name: view, exact: true });
  }

  async show(view: 'Boxes' | 'Folders'): Promise<void> {
    await this.viewButton(view).click();
    await (view === 'Boxes' ? this.boxesGrid : this.foldersGrid).waitFor();
    await waitForReady(this.page);
  }

  /** The count line once it is no longer "Counting…". */
  async countText(): Promise<string> {
    await waitForReady(this.page);
    await this.page.waitForFunction(listCountSettled);
    return (await this.count.innerText()).trim();
  }

  /** The number at the start of the count line ("1,234 folders" → 1234). */
  async countNumber(): Promise<number> {
    const text = await this.countText();
    const match = /^([\d,]+)/.exec(text);
    if (!match) throw new Error(`The count line "${text}" does not start with a number`);
    return Number(match[1].replace(/,/g, ''));
  }

  /** Texts of one column in the rows of a list grid that are on screen and loaded. */
  async columnTexts(grid: Locator, colIndex: number): Promise<string[]> {
    await waitForReady(this.page);
    await grid.locator('.vgrid-body-row.is-loading').first().waitFor({ state: 'detached' });
    return grid.locator(`.vgrid-body-row [role="gridcell"][aria-colindex="${colIndex}"]`).allInnerTexts();
  }

  async typeSearch(text: string): Promise<void> {
    await this.search.click();
    await this.search.press('End');
    await this.search.pressSequentially(text);
    await waitForReady(this.page);
  }

  async clearSearch(): Promise<void> {
    await this.search.fill('');
    await waitForReady(this.page);
  }

  async addBox(label: string): Promise<BoxPage> {
    await this.page.getByRole('button', { name: 'Add box', exact: true }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'Add a box' });
    await dialog.getByLabel('Box label').fill(label);
    await dialog.getByRole('button', { name: 'Create box' }).click();
    const box = new BoxPage(this.page, label);
    await box.waitForGrid();
    return box;
  }

  /** Opens a box from the Boxes list by its label. */
  async openBox(label: string): Promise<BoxPage> {
    await this.boxesGrid.getByRole('gridcell', { name: label, exact: true }).click();
    const box = new BoxPage(this.page, label);
    await box.waitForGrid();
    return box;
  }
}
