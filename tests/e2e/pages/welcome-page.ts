// The first-run screen: create a catalog of one's own, or open the sample.
import type { Locator, Page } from 'playwright-core';
import { waitForReady } from '../support/browser';

export class WelcomePage {
  readonly heading: Locator;
  readonly departmentName: Locator;
  readonly catalogName: Locator;
  readonly createButton: Locator;
  readonly openSampleButton: Locator;
  readonly sampleProgress: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Welcome to Transmittal' });
    this.departmentName = page.getByLabel('Department name');
    this.catalogName = page.getByLabel('Catalog name');
    this.createButton = page.getByRole('button', { name: 'Create a catalog' });
    this.openSampleButton = page.getByRole('button', { name: 'Open the sample catalog' });
    this.sampleProgress = page.getByRole('progressbar');
  }

  async createCatalog(departmentName: string, catalogName?: string): Promise<void> {
    await this.departmentName.fill(departmentName);
    if (catalogName !== undefined) await this.catalogName.fill(catalogName);
    await this.createButton.click();
    await this.page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
    await waitForReady(this.page);
  }
}
