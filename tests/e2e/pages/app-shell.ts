// The parts of the window every screen shares: the navigation, the status bar (save state, Undo, Redo) and toasts.
import type { Locator, Page } from 'playwright-core';
import { waitForReady } from '../support/browser';
import { saveStateIsSaved } from '../support/in-page';

export type ScreenLink = 'Catalog' | 'Transfers' | 'Schedule' | 'Records Center' | 'Settings' | 'Packages received' | 'Accessions' | 'Requests' | 'Holdings' | 'Locations' | 'Requests back' | 'Disposition' | 'Legal holds';

export class AppShell {
  readonly statusBar: Locator;
  readonly saveState: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly toasts: Locator;

  constructor(readonly page: Page) {
    this.statusBar = page.locator('footer.status-bar');
    this.saveState = page.locator('[data-save-state]');
    this.undoButton = this.statusBar.getByRole('button', { name: 'Undo', exact: true });
    this.redoButton = this.statusBar.getByRole('button', { name: 'Redo', exact: true });
    this.toasts = page.getByRole('region', { name: 'Notifications' });
  }

  ready(): Promise<void> {
    return waitForReady(this.page);
  }

  link(screen: ScreenLink): Locator {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen, exact: true });
  }

  /** Goes to a screen through the navigation and waits for its heading and its data. */
  async goTo(screen: ScreenLink, heading: string | RegExp): Promise<void> {
    await this.link(screen).click();
    await this.page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await this.ready();
  }

  /** Waits until the status bar says the catalog is saved (autosave runs shortly after each change). */
  async waitUntilSaved(): Promise<void> {
    await this.page.waitForFunction(saveStateIsSaved, undefined, { timeout: 20_000 });
  }

  toast(text: string | RegExp): Locator {
    return this.toasts.locator('.toast').filter({ hasText: text });
  }
}
