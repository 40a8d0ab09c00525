// One box's screen and its folder grid. Cells are addressed as the grid announces them to assistive technology:
// aria-rowindex (1 is the header row, 2 the first folder, the empty new-folder row last) and aria-colindex.
import type { Locator, Page } from 'playwright-core';
import { waitForReady } from '../support/browser';
import { dispatchPaste, focusIsOnCell, goToHash, gridNotBusy } from '../support/in-page';

/** The grid's columns, by aria-colindex. */
export const COLUMN = {
  position: 1,
  title: 2,
  fileCode: 3,
  scheduleItem: 4,
  beginDate: 5,
  endDate: 6,
  eventDate: 7,
  confidential: 8,
  medium: 9,
  notes: 10,
  legalHold: 11,
  disposition: 12,
} as const;

export interface TypedFolder {
  title: string;
  fileCode?: string;
  scheduleItem?: string;
  beginDate?: string;
  endDate?: string;
}

export class BoxPage {
  readonly heading: Locator;
  readonly grid: Locator;
  readonly addFolderButton: Locator;
  readonly deleteFolderButton: Locator;
  /** The grid's own notices: a refused paste, a pasted-rows summary. */
  readonly gridAlert: Locator;
  readonly gridStatus: Locator;

  constructor(
    readonly page: Page,
    readonly label: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: `Box ${label}`, exact: true });
    this.grid = page.getByRole('grid', { name: `Folders in box ${label}`, exact: true });
    this.addFolderButton = page.getByRole('button', { name: 'Add folder', exact: true });
    this.deleteFolderButton = page.getByRole('button', { name: /^Delete (folder|\d+ folders)$/ });
    this.gridAlert = page.locator('.folder-grid-area > p[role="alert"]');
    this.gridStatus = page.locator('.folder-grid-area > p[role="status"]');
  }

  /** Opens a box by its id through the address (#/catalog/box/12), as a link from elsewhere would. */
  static async open(page: Page, boxId: number, label: string): Promise<BoxPage> {
    await page.evaluate(goToHash, `#/catalog/box/${boxId}`);
    const box = new BoxPage(page, label);
    await box.waitForGrid();
    return box;
  }

  async waitForGrid(): Promise<void> {
    await this.heading.waitFor();
    await this.grid.waitFor();
    await waitForReady(this.page);
    await this.page.waitForFunction(gridNotBusy, `Folders in box ${this.label}`);
  }

  cell(rowIndex: number, colIndex: number): Locator {
    return this.grid.locator(`tr[aria-rowindex="${rowIndex}"] td[aria-colindex="${colIndex}"]`);
  }

  /** The grid cell of the n-th folder (1-based) in a column. */
  folderCell(folderNumber: number, colIndex: number): Locator {
    return this.cell(folderNumber + 1, colIndex);
  }

  /** Folder rows: every body row but the empty one at the bottom. */
  folderRows(): Locator {
    return this.grid.locator('tbody tr:not(.grid-new-row)');
  }

  /** The folders' values in one column, once the grid has settled (drafts have their real ids). */
  async columnTexts(colIndex: number): Promise<string[]> {
    await this.settled();
    return (await this.folderRows().locator(`td[aria-colindex="${colIndex}"]`).allInnerTexts()).map((text) => text.trim());
  }

  async titles(): Promise<string[]> {
    return this.columnTexts(COLUMN.title);
  }

  /** No call outstanding and no row still waiting for the server to give it an id. */
  async settled(): Promise<void> {
    await waitForReady(this.page);
    await this.grid.locator('tr.is-pending').first().waitFor({ state: 'detached' });
    await waitForReady(this.page);
  }

  /**
   * Types folders the way a person does with the keyboard only: into the grid, down to the new row, a title, Tab to
   * the next cell, type, Tab…, and Enter on the last one, which lands back in the new row below.
   */
  async typeFolders(folders: TypedFolder[]): Promise<void> {
    const keyboard = this.page.keyboard;
    await this.select((await this.folderRows().count()) + 2, COLUMN.title);
    for (const [index, folder] of folders.entries()) {
      if (index > 0) {
        // Enter left the active cell in the new row, in the column typed last: go back to its title cell.
        await keyboard.press('Home');
        await keyboard.press('ArrowRight');
      }
      const cells = [folder.title, folder.fileCode ?? '', folder.scheduleItem ?? '', folder.beginDate ?? '', folder.endDate ?? ''];
      let last = cells.length - 1;
      while (last > 0 && cells[last] === '') last -= 1;
      for (let col = 0; col <= last; col += 1) {
        if (cells[col] !== '') await keyboard.type(cells[col]);
        await keyboard.press(col === last ? 'Enter' : 'Tab');
      }
    }
    await this.settled();
  }

  /**
   * Moves the active cell with the keyboard, as a keyboard user does: into the grid at its one tab stop, Ctrl+Home
   * to the first cell, then arrows.
   */
  async select(rowIndex: number, colIndex: number): Promise<void> {
    const keyboard = this.page.keyboard;
    await this.grid.locator('td[tabindex="0"]').focus();
    await keyboard.press('Control+Home');
    for (let row = 2; row < rowIndex; row += 1) await keyboard.press('ArrowDown');
    for (let col = 1; col < colIndex; col += 1) await keyboard.press('ArrowRight');
    await this.page.waitForFunction(focusIsOnCell, [rowIndex, colIndex] as [number, number]);
  }

  /** Scrolls the grid's own scroll area all the way right, as a person does with the scrollbar or trackpad. */
  async scrollToRightEdge(): Promise<number> {
    // The callback runs in the page; the Node type-check has no DOM types.
    return this.page.locator('.folder-grid-scroll').evaluate((area: any) => {
      area.scrollLeft = area.scrollWidth;
      return area.scrollLeft as number;
    });
  }

  /**
   * Pastes text into the grid at its active cell as Excel would put it on the clipboard (tab-separated rows),
   * through a real paste event carrying text/plain.
   */
  async paste(tsv: string): Promise<void> {
    await this.page.evaluate(dispatchPaste, tsv);
    await this.settled();
  }

  /** Edits one existing cell by typing into it (typing replaces the value) and pressing Enter. */
  async typeInto(rowIndex: number, colIndex: number, text: string): Promise<void> {
    await this.select(rowIndex, colIndex);
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await this.settled();
  }
}
