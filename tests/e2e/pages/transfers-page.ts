// The Transfers screen: the list with "New transfer", and one transfer's page with its boxes, its check before
// sending, "Mark as sent" and "Create transfer package".
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { waitForReady } from '../support/browser';

export class TransfersPage {
  readonly heading: Locator;
  readonly newTransferButton: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Transfers', exact: true });
    this.newTransferButton = page.getByRole('button', { name: 'New transfer', exact: true });
    this.list = page.locator('table.transfers-table');
  }

  /** Starts a transfer to the named center through the dialog and waits for its page. */
  async createTransfer(centerName: string): Promise<TransferPage> {
    await this.newTransferButton.click();
    const dialog = this.page.getByRole('dialog', { name: 'New transfer' });
    await dialog.getByLabel('Records center').selectOption({ label: centerName });
    await dialog.getByRole('button', { name: 'Create transfer', exact: true }).click();
    const transfer = new TransferPage(this.page);
    await transfer.heading.waitFor();
    await waitForReady(this.page);
    return transfer;
  }

  async open(number: string): Promise<TransferPage> {
    await this.list.getByRole('button', { name: number, exact: true }).click();
    const transfer = new TransferPage(this.page);
    await transfer.heading.waitFor();
    await waitForReady(this.page);
    return transfer;
  }
}

export class TransferPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly notice: Locator;
  readonly errors: Locator;
  readonly warnings: Locator;
  readonly boxes: Locator;
  readonly addBoxesButton: Locator;
  readonly addAllButton: Locator;
  readonly markSentButton: Locator;
  readonly packageButton: Locator;
  readonly packageResult: Locator;
  readonly downloadButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^Transfer \S+/ });
    this.status = this.heading.locator('.transfer-status');
    this.notice = page.locator('.transfer-page > p[role="status"]');
    this.errors = page.locator('.validation-errors');
    this.warnings = page.locator('.validation-warnings');
    this.boxes = page.getByRole('region', { name: 'Boxes in this transfer' }).locator('tbody tr');
    this.addBoxesButton = page.getByRole('button', { name: 'Add boxes', exact: true });
    this.addAllButton = page.getByRole('button', { name: 'Add all boxes in office', exact: true });
    this.markSentButton = page.getByRole('button', { name: 'Mark as sent', exact: true });
    this.packageButton = page.getByRole('button', { name: 'Create transfer package', exact: true });
    this.packageResult = page.locator('.package-result');
    this.downloadButton = page.getByRole('button', { name: 'Download package (.zip)', exact: true });
  }

  async number(): Promise<string> {
    const number = /[A-Z0-9]+-\d{4}-\d{3,}/.exec(await this.heading.innerText());
    if (!number) throw new Error('The transfer page heading shows no transfer number');
    return number[0];
  }

  /** Ticks boxes in the "boxes in the office" list and adds them. */
  async addBoxes(...labels: string[]): Promise<void> {
    for (const label of labels) {
      await this.page.locator('.box-picker label').filter({ has: this.page.locator('.box-picker-label', { hasText: new RegExp(`^${label}$`) }) }).getByRole('checkbox').check();
    }
    await this.addBoxesButton.click();
    await waitForReady(this.page);
  }

  async addAll(): Promise<void> {
    await this.addAllButton.click();
    await waitForReady(this.page);
  }

  /** Marks the transfer sent, agreeing in the confirmation that explains the freeze. */
  async markSent(): Promise<string> {
    await this.markSentButton.click();
    const dialog = this.page.getByRole('dialog', { name: /^Mark transfer .* as sent\?$/ });
    const explanation = await dialog.innerText();
    await dialog.getByRole('button', { name: 'Send and freeze', exact: true }).click();
    await this.status.filter({ hasText: 'Sent' }).waitFor();
    await waitForReady(this.page);
    return explanation;
  }

  /** Creates the package and waits for the page to say where it is. */
  async createPackage(): Promise<{ folder: string; zip: string; fingerprint: string }> {
    await this.packageButton.click();
    await this.packageResult.waitFor({ timeout: 60_000 });
    await waitForReady(this.page);
    const paths = this.packageResult.locator('code.package-path');
    return {
      folder: await paths.nth(0).innerText(),
      zip: await paths.nth(1).innerText(),
      fingerprint: await this.packageResult.locator('code.fingerprint').innerText(),
    };
  }

  /** Downloads the package the page just made and saves it in `dir`, under the name the page gave it. */
  async downloadPackage(dir: string): Promise<{ fileName: string; path: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.downloadButton.click()]);
    const fileName = download.suggestedFilename();
    const path = join(dir, fileName);
    await download.saveAs(path);
    return { fileName, path };
  }
}
