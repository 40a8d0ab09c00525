// The records center's Disposition screen: the period, the boxes due by department and those left out, writing a
// department's notice, taking in a response or legal hold, the notices list; and one notice's page with its
// carry-out dialog.
import type { Download, Locator, Page } from 'playwright-core';
import { waitForReady } from '../support/browser';

export type PeriodChoice = 'This month' | 'This quarter' | 'Next quarter' | 'From … to …';

export class CenterDispositionPage {
  readonly heading: Locator;
  readonly due: Locator;
  readonly dueCount: Locator;
  readonly leftOut: Locator;
  readonly written: Locator;
  readonly takeInRegion: Locator;
  readonly takeInStatus: Locator;
  readonly takeInError: Locator;
  readonly notices: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Disposition', exact: true });
    this.due = page.getByRole('region', { name: 'Due for disposition' });
    this.dueCount = this.due.locator('p[role="status"]');
    this.leftOut = page.getByRole('table', { name: 'Boxes left out' });
    this.written = this.due.locator('.disposition-written');
    this.takeInRegion = page.getByRole('region', { name: 'Take in a response or legal hold' });
    this.takeInStatus = this.takeInRegion.locator('p[role="status"].success-message');
    this.takeInError = this.takeInRegion.getByRole('alert');
    this.notices = page.getByRole('table', { name: 'Disposition notices' });
  }

  async goTo(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Disposition', exact: true }).click();
    await this.heading.waitFor();
    await waitForReady(this.page);
  }

  async choosePeriod(choice: PeriodChoice, custom?: { from: string; to: string }): Promise<void> {
    await this.due.getByRole('radio', { name: choice, exact: true }).check();
    if (custom) {
      await this.due.getByLabel('From', { exact: true }).fill(custom.from);
      await this.due.getByLabel('To', { exact: true }).fill(custom.to);
    }
    await waitForReady(this.page);
  }

  /** The boxes to destroy for one department, as a table. */
  toDestroy(department: string): Locator {
    return this.page.getByRole('table', { name: `Boxes to destroy — ${department}`, exact: true });
  }

  /** One body row of a table, found by the box label it shows. */
  row(table: Locator, boxLabel: string): Locator {
    return table.locator('tbody tr', { hasText: boxLabel });
  }

  /** Writes one department's notice (its answer due after the center's notice period); answers the JSON download it starts. */
  async writeNotice(department: string): Promise<Download> {
    const form = this.page.getByRole('form', { name: `Write the notice for ${department}`, exact: true });
    await form.getByText(/Its answer is due by /).waitFor();
    const [download] = await Promise.all([this.page.waitForEvent('download'), form.getByRole('button', { name: `Write the notice for ${department}` }).click()]);
    await this.written.first().waitFor();
    await waitForReady(this.page);
    return download;
  }

  async takeIn(path: string): Promise<void> {
    await this.takeInRegion.getByLabel('Response or legal hold file (the .json the department sent)').setInputFiles(path);
    await this.takeInRegion.locator('p[role="status"].success-message, [role="alert"]').first().waitFor();
    await waitForReady(this.page);
  }

  async showNotices(which: 'Open' | 'All'): Promise<void> {
    await this.page.getByRole('region', { name: 'Notices' }).getByRole('radio', { name: which, exact: true }).check();
    await waitForReady(this.page);
  }

  noticeRow(number: string): Locator {
    return this.notices.locator('tbody tr', { hasText: number });
  }

  async openNotice(number: string): Promise<CenterNoticePage> {
    await this.notices.getByRole('link', { name: number, exact: true }).click();
    const notice = new CenterNoticePage(this.page);
    await notice.heading.waitFor();
    await waitForReady(this.page);
    return notice;
  }
}

export class CenterNoticePage {
  readonly heading: Locator;
  readonly facts: Locator;
  readonly boxes: Locator;
  readonly carryOutButton: Locator;
  readonly carryOutRegion: Locator;
  readonly dialog: Locator;
  readonly responses: Locator;
  readonly certificates: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^Notice \S+/ });
    this.facts = page.locator('dl[aria-label="The notice"]');
    this.boxes = page.getByRole('table', { name: 'Boxes on this notice' });
    this.carryOutRegion = page.getByRole('region', { name: 'Carry out' });
    this.carryOutButton = this.carryOutRegion.getByRole('button', { name: 'Carry out the approved boxes…' });
    this.dialog = page.getByRole('dialog', { name: /^Carry out the approved boxes of notice / });
    this.responses = page.getByRole('table', { name: 'Responses taken in' });
    this.certificates = page.getByRole('table', { name: 'Certificates written' });
  }

  row(boxLabel: string): Locator {
    return this.boxes.locator('tbody tr', { hasText: boxLabel });
  }

  /** Each cell of a box's row, in column order. */
  async cells(boxLabel: string): Promise<string[]> {
    return this.row(boxLabel).locator('td').allInnerTexts();
  }

  async openCarryOut(): Promise<void> {
    await this.carryOutButton.click();
    await this.dialog.waitFor();
  }

  /** Fills the open dialog and confirms; answers the certificate's JSON download it starts. */
  async carryOut(method: string, witness: string): Promise<Download> {
    await this.dialog.getByLabel(/^How they were destroyed|^The archives they went to/).fill(method);
    await this.dialog.getByLabel('Witness').fill(witness);
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.dialog.getByRole('button', { name: /^Record .* and write the certificate$/ }).click()]);
    await this.carryOutRegion.locator('p[role="status"].success-message').waitFor();
    await waitForReady(this.page);
    return download;
  }
}
