// Getting records back: the Request back dialog (from the catalog or a box) and the Requests back screen.
import type { Locator, Page } from 'playwright-core';
import { waitForReady } from '../support/browser';

export class RequestBackDialog {
  readonly dialog: Locator;
  readonly quoted: Locator;
  readonly blocked: Locator;
  readonly dueBy: Locator;
  readonly sendButton: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^Request back|^Request .* recorded$/ });
    this.quoted = this.dialog.getByRole('list', { name: 'The request will quote' });
    this.blocked = this.dialog.getByRole('list', { name: 'Cannot be asked for now' });
    this.dueBy = this.dialog.locator('[data-due-by]');
    this.sendButton = this.dialog.getByRole('button', { name: 'Send the request' });
  }

  async waitForOptions(): Promise<void> {
    await this.sendButton.waitFor();
    await waitForReady(this.page);
  }

  service(label: string): Locator {
    return this.dialog.getByRole('radio', { name: label });
  }

  /** Sends the request and answers the number and due date the dialog then shows. */
  async send(): Promise<{ number: string; dueBy: string }> {
    await this.sendButton.click();
    const number = this.dialog.locator('[data-request-number]');
    await number.waitFor();
    await waitForReady(this.page);
    return { number: (await number.innerText()).trim(), dueBy: (await this.dialog.locator('[data-request-due]').innerText()).trim() };
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}

export class RetrievalsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly emptyState: Locator;
  readonly updateInput: Locator;
  readonly updates: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Requests back' });
    this.table = page.getByRole('table', { name: 'Requests back' });
    this.emptyState = page.locator('.empty-state');
    this.updates = page.getByRole('region', { name: 'Take in an update from the records center' });
    this.updateInput = this.updates.getByLabel('The retrieval update file the center sent (.json)');
  }

  async goTo(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Requests back', exact: true }).click();
    await this.heading.waitFor();
    await waitForReady(this.page);
  }

  /** The row of one request, by its number. */
  row(number: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: number }) });
  }

  /** Takes in an update file and answers what the screen said about it. */
  async takeInUpdate(file: string): Promise<string> {
    await this.updateInput.setInputFiles(file);
    const status = this.updates.getByRole('status');
    await status.waitFor();
    await waitForReady(this.page);
    return (await status.innerText()).trim();
  }
}
