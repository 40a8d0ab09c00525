// A department's disposition: the notice banner on the catalog, the Disposition screen (taking in a file, the notices
// list), one notice's page with its answer form, and the Legal holds screen with its Place a hold dialog and a hold's
// page.
import type { Locator, Page } from 'playwright-core';
import { waitForReady } from '../support/browser';

export class DispositionPage {
  readonly heading: Locator;
  readonly emptyState: Locator;
  readonly takeInRegion: Locator;
  readonly takeInInput: Locator;
  readonly notices: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Disposition', exact: true });
    this.emptyState = page.locator('.empty-state');
    this.takeInRegion = page.getByRole('region', { name: 'Take in a file from the records center' });
    this.takeInInput = this.takeInRegion.getByLabel('The disposition notice or certificate the center sent (.json)');
    this.notices = page.getByRole('table', { name: 'Disposition notices' });
  }

  async goTo(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Disposition', exact: true }).click();
    await this.heading.waitFor();
    await waitForReady(this.page);
  }

  /** Takes in a notice or certificate file and answers what the screen said about it. */
  async takeIn(file: string): Promise<string> {
    await this.takeInInput.setInputFiles(file);
    const status = this.takeInRegion.getByRole('status');
    await status.waitFor();
    await waitForReady(this.page);
    return (await status.innerText()).trim();
  }

  row(number: string): Locator {
    return this.notices.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: number }) });
  }
}

/** The reminders at the top of the catalog, one per notice waiting for an answer. */
export function noticeBanner(page: Page): Locator {
  return page.getByRole('region', { name: 'Disposition notices to answer' });
}

export class NoticePage {
  readonly heading: Locator;
  readonly countdown: Locator;
  readonly boxes: Locator;
  readonly answer: Locator;
  readonly problems: Locator;
  readonly written: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^Disposition notice / });
    this.countdown = page.locator('[data-notice-countdown]');
    this.boxes = page.getByRole('table', { name: 'Boxes on this notice' });
    this.answer = page.getByRole('region', { name: 'Your answer' });
    this.problems = this.answer.getByRole('list', { name: 'Before signing' });
    this.written = page.getByRole('region', { name: 'Response written' });
  }

  async waitFor(): Promise<void> {
    await this.heading.waitFor();
    await waitForReady(this.page);
  }

  /** One box's answer, a group named by its label ("Box PW-001"). */
  box(label: string): Locator {
    return this.answer.getByRole('group', { name: `Box ${label}`, exact: true });
  }

  async refuse(label: string, reason: string, reviewDate: string): Promise<void> {
    const box = this.box(label);
    await box.getByRole('radio', { name: 'Refuse' }).check();
    await box.getByLabel(`Why you refuse (box ${label})`).fill(reason);
    await box.getByLabel(`Review again on (box ${label})`).fill(reviewDate);
  }

  /** The answer column of a box's row in the boxes table. */
  answerOf(label: string): Locator {
    return this.boxes.locator(`tr[data-notice-box="${label}"] [data-box-answer]`);
  }

  async sign(): Promise<void> {
    await this.answer.getByRole('button', { name: 'Sign and write the response' }).click();
    await this.written.waitFor();
    await waitForReady(this.page);
  }
}

export class HoldsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly dialog: Locator;
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Legal holds', exact: true });
    this.table = page.getByRole('table', { name: 'Legal holds' });
    this.dialog = page.getByRole('dialog', { name: 'Place a legal hold' });
    this.preview = this.dialog.locator('[data-hold-preview]');
  }

  async goTo(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Legal holds', exact: true }).click();
    await this.heading.waitFor();
    await waitForReady(this.page);
  }

  async openPlaceDialog(): Promise<void> {
    await this.page.getByRole('button', { name: 'Place a hold…' }).click();
    await this.dialog.waitFor();
    await waitForReady(this.page);
  }

  /** Waits until the live preview shows what the scope covers, and answers its lines. */
  async previewText(): Promise<string> {
    await this.preview.getByText(/^Covers /).waitFor();
    await waitForReady(this.page);
    return (await this.preview.innerText()).trim();
  }

  /** Places the hold and waits for its own page. */
  async place(name: string): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Place the hold' }).click();
    await this.dialog.waitFor({ state: 'detached' });
    await this.page.getByRole('heading', { level: 1, name: `Legal hold “${name}”` }).waitFor();
    await waitForReady(this.page);
  }

  /** On a hold's page: the boxes and folders it holds. */
  covers(): Locator {
    return this.page.getByRole('list', { name: 'What it holds' });
  }
}
