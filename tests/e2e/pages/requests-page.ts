// The records center's Requests screen: taking in a department's request file, the queue (a virtual grid), and one
// request's page with its next-step buttons, step forms and the update for the department.
import type { Download, Locator, Page } from 'playwright-core';
import { waitForReady } from '../support/browser';

export class RequestsPage {
  readonly heading: Locator;
  readonly fileInput: Locator;
  readonly takeInStatus: Locator;
  readonly takeInError: Locator;
  readonly queue: Locator;
  readonly count: Locator;
  readonly emptyHint: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Requests', exact: true });
    const takeIn = page.getByRole('region', { name: 'Take in a request' });
    this.fileInput = takeIn.getByLabel('Retrieval request file (the .json the department sent)');
    this.takeInStatus = takeIn.locator('p[role="status"].success-message');
    this.takeInError = takeIn.getByRole('alert');
    this.queue = page.getByRole('grid', { name: 'Requests' });
    const queueRegion = page.getByRole('region', { name: 'Queue' });
    this.count = queueRegion.locator('p[role="status"]');
    this.emptyHint = queueRegion.getByText(/When a department sends a retrieval request, take it in here/);
  }

  /** Through the navigation, waiting for the queue's first answer. */
  async goTo(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Requests', exact: true }).click();
    await this.heading.waitFor();
    await this.count.waitFor();
    await waitForReady(this.page);
  }

  async takeIn(path: string): Promise<void> {
    await this.fileInput.setInputFiles(path);
    await this.page.locator('p[role="status"].success-message, [role="alert"]').first().waitFor();
    await waitForReady(this.page);
  }

  async show(filter: 'Open' | 'Overdue' | 'All'): Promise<void> {
    await this.page.getByRole('radio', { name: filter, exact: true }).check();
    await waitForReady(this.page);
  }

  /** The queue's body rows now in the page (the grid renders only those in view). */
  renderedRows(): Locator {
    return this.queue.locator('[role="row"][aria-rowindex]:not([aria-rowindex="1"])');
  }

  /** Row n of the queue (1 is the first request), by its aria-rowindex. */
  row(n: number): Locator {
    return this.queue.locator(`[role="row"][aria-rowindex="${n + 1}"]`);
  }

  /** Each cell of row n, in column order. */
  async cells(n: number): Promise<string[]> {
    return this.row(n).getByRole('gridcell').allInnerTexts();
  }

  /** Opens the active row with the keyboard: focus the grid, move with the arrows, Enter. */
  async openWithKeyboard(downPresses = 0): Promise<RequestPage> {
    await this.queue.focus();
    for (let press = 0; press < downPresses; press++) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
    const request = new RequestPage(this.page);
    await request.heading.waitFor();
    await waitForReady(this.page);
    return request;
  }
}

export class RequestPage {
  readonly heading: Locator;
  readonly facts: Locator;
  readonly items: Locator;
  readonly steps: Locator;
  readonly recorded: Locator;
  readonly stepError: Locator;
  readonly timeline: Locator;
  readonly update: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^Request \S+/ });
    this.facts = page.locator('dl[aria-label="What the department asks"]');
    this.items = page.getByRole('table', { name: 'Boxes and folders asked for' });
    this.steps = page.getByRole('group', { name: 'Record the next step' });
    this.recorded = page.locator('p[role="status"].success-message');
    this.stepError = page.getByRole('region', { name: 'Next step' }).getByRole('alert');
    this.timeline = page.getByRole('list', { name: 'What happened to this request' });
    this.update = page.getByRole('region', { name: 'Tell the department' });
  }

  /** The next-step buttons offered now, in order. */
  async nextSteps(): Promise<string[]> {
    return this.steps.getByRole('button').allInnerTexts();
  }

  async step(name: string): Promise<void> {
    await this.steps.getByRole('button', { name, exact: true }).click();
  }

  /** A step without questions (pull, return): clicked, then the sentence that says what was recorded. */
  async record(name: string, said: string | RegExp): Promise<void> {
    await this.step(name);
    await this.recorded.filter({ hasText: said }).waitFor();
    await waitForReady(this.page);
  }

  form(title: 'Check out' | 'Re-file' | 'Answer' | 'Refuse'): Locator {
    return this.page.getByRole('form', { name: title, exact: true });
  }

  async writeUpdate(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.update.getByRole('button', { name: 'Write the update for the department', exact: true }).click(),
    ]);
    await this.update.getByRole('status').waitFor();
    return download;
  }
}
