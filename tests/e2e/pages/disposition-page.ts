// A department's disposition: the notice banner on the catalog, the Disposition screen (taking in a file, the notices
// list), one notice's page with its answer form, and the Legal holds screen with its Place a hold dialog and a hold's
// page.
import type { Download, Locator, Page } from 'playwright-core';
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

  /** Opens a notice from the list by its number and waits for its page. */
  async openNotice(number: string): Promise<NoticePage> {
    await this.notices.getByRole('link', { name: number, exact: true }).click();
    const notice = new NoticePage(this.page);
    await notice.waitFor();
    return notice;
  }

  /** The "Paperwork kept" table at the bottom of the screen. */
  paperwork(): Locator {
    return this.page.getByRole('region', { name: 'Paperwork kept' }).getByRole('table', { name: 'Paperwork kept' });
  }

  /** One row of the paperwork table by its kind as shown ("Certificate", "Legal hold"), each cell's text in order. */
  async paperworkOf(kind: string): Promise<string[][]> {
    const rows = this.paperwork().locator('tbody tr').filter({ has: this.page.getByRole('cell', { name: kind, exact: true }) });
    const found: string[][] = [];
    for (const row of await rows.all()) found.push((await row.locator('th, td').allInnerTexts()).map((text) => text.trim()));
    return found;
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

  async approve(label: string): Promise<void> {
    await this.box(label).getByRole('radio', { name: 'Approve' }).check();
  }

  /** After signing: downloads the response file, answering the download it starts. */
  async downloadResponse(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.written.getByRole('button', { name: /^Download the response file \(.+\.json\)$/ }).click(),
    ]);
    return download;
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

  /** On a hold's page: writes the hold file for the records center and downloads it, answering the download. */
  async writeForCenter(): Promise<Download> {
    await this.page.getByRole('button', { name: 'Write the hold for the records center' }).click();
    const offer = this.page.getByRole('button', { name: /^Download the hold file \(.+\.json\)$/ });
    await offer.waitFor();
    await waitForReady(this.page);
    const [download] = await Promise.all([this.page.waitForEvent('download'), offer.click()]);
    return download;
  }

  /** At a records center, on a department's hold: writes the acknowledgment and downloads it. */
  async writeAcknowledgment(): Promise<Download> {
    await this.page.getByRole('button', { name: 'Write the acknowledgment for the department' }).click();
    const offer = this.page.getByRole('button', { name: /^Download the acknowledgment \(.+\.json\)$/ });
    await offer.waitFor();
    await waitForReady(this.page);
    const [download] = await Promise.all([this.page.waitForEvent('download'), offer.click()]);
    return download;
  }

  /** A department's hold page: the hold files sent to the center, each with whether the center acknowledged it. */
  filesSent(): Locator {
    return this.page.getByRole('list', { name: 'Hold files sent' });
  }

  /** On a department's hold page: takes in the center's acknowledgment and answers what the app said. */
  async takeInAcknowledgment(path: string): Promise<string> {
    const section = this.page.getByRole('region', { name: 'At the records center' });
    await section.getByLabel('The center’s acknowledgment of this hold (.json)').setInputFiles(path);
    const said = section.locator('p[role="status"].success-message');
    await said.waitFor();
    await waitForReady(this.page);
    return (await said.innerText()).trim();
  }

  /** In the dialog: the box whose folders are offered, a group named "Box PW-001" (at a center, with its accession). */
  openBox(label: string): Locator {
    return this.dialog.getByRole('group', { name: new RegExp(`^Box ${escapeRegExp(label)}( \\(|$)`) });
  }

  /** Finds a box by typing in the dialog's finder and opens the first box found with Enter, as a keyboard user does. */
  async findAndOpenBox(typed: string, label: string): Promise<Locator> {
    const finder = this.dialog.getByLabel('Find a box');
    await finder.fill(typed);
    await waitForReady(this.page);
    await this.foundBoxes().getByRole('button', { name: new RegExp(`^Box ${escapeRegExp(label)} `) }).waitFor();
    await finder.press('Enter');
    const box = this.openBox(label);
    await box.waitFor();
    await waitForReady(this.page);
    return box;
  }

  foundBoxes(): Locator {
    return this.dialog.getByRole('list', { name: 'Boxes found' });
  }

  /** A folder's checkbox in the open box, by its number there ("3. Maple Avenue permits · file code …"). */
  folderCheckbox(box: Locator, position: number): Locator {
    return box.getByRole('checkbox', { name: new RegExp(`^${position}\\. `) });
  }

  /** A folder's line in the open box, as it reads: "3. Maple Avenue permits · file code BP-14". */
  async folderLine(box: Locator, position: number): Promise<string> {
    return (await box.locator('label').filter({ has: this.page.getByRole('checkbox', { name: new RegExp(`^${position}\\. `) }) }).innerText()).replace(/\s+/g, ' ').trim();
  }

  /** The boxes and folders chosen one by one, each with its Remove button. */
  chosen(): Locator {
    return this.dialog.getByRole('list', { name: 'Boxes and folders chosen' });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
