// The whole disposition loop, each side in its own catalog and both driven through the browser: the records center
// lists what is due and writes the notice; Public Works takes it in, approves three boxes, refuses one, signs, and
// meanwhile puts one of the approved boxes on legal hold; the center takes in the response and the hold and carries
// out only the approved boxes no hold covers; Public Works takes in the certificate and sees those two destroyed, the
// held and the refused ones still at the center, each box's history, and every document of the exchange kept.
// Only what comes before disposition (sending, intake, check-in, shelving, acknowledgment) is arranged through the API.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { waitForReady } from '../support/browser';
import { centerWithBoxes } from '../support/center-with-boxes';
import { setupWebTests } from '../support/fixtures';
import { CatalogPage } from '../pages/catalog-page';
import { CenterDispositionPage } from '../pages/center-disposition-page';
import { DispositionPage, HoldsPage, NoticePage, noticeBanner } from '../pages/disposition-page';

const web = setupWebTests();
const LABELS = ['PW-001', 'PW-002', 'PW-003', 'PW-004'];
/** CY+3 on folders of 2018–2019: every box is due once 2022 has ended. */
const PERIOD = { from: '2023-01-01', to: '2023-03-31' };
const REFUSAL = { reason: 'Needed for the 2024 permit audit', reviewDate: '2031-06-30' };
const HOLD = { name: 'Elm Street claim', matter: 'Ruiz v. City', requestedBy: 'City Attorney’s Office' };
const DAY = /\d{4}-\d{2}-\d{2}/.source;

/**
 * Changes sides the way a person does in the app: Close catalog in the status bar, then the catalog from the welcome
 * screen's recent list; waits for the screen that catalog opens on.
 */
async function openFromRecent(page: Page, catalog: 'Public Works' | 'City Records Center'): Promise<void> {
  await page.getByRole('button', { name: 'Close catalog', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Welcome to Transmittal' }).waitFor();
  await page.getByRole('region', { name: 'Recent catalogs' }).getByRole('button', { name: catalog, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: catalog === 'Public Works' ? 'Catalog' : 'Packages received', exact: true }).waitFor();
  await waitForReady(page);
}

it('runs a notice from the due list to the certificate: approved boxes destroyed, the held and the refused kept, the paperwork kept on both sides', async () => {
  const { workspaceDir } = web.app;
  const { accession, transferNumber } = await centerWithBoxes(web.app.call, { labels: LABELS, acknowledged: true });
  await web.app.call('center.setNoticeDays', { days: 30 });
  await web.load();
  const page = web.page;

  // The center: the period, what is due, and the notice for Public Works.
  await page.getByRole('heading', { level: 1, name: 'Packages received' }).waitFor();
  const center = new CenterDispositionPage(page);
  await center.goTo();
  await center.choosePeriod('From … to …', PERIOD);
  await center.dueCount.filter({ hasText: `4 boxes are due from ${PERIOD.from} to ${PERIOD.to}, for 1 department.` }).waitFor();
  const toDestroy = center.toDestroy('Public Works');
  expect(await toDestroy.locator('tbody tr').count()).toBe(4);
  for (const label of LABELS) expect((await center.row(toDestroy, label).locator('td').allInnerTexts())[6]).toBe('Destroy');

  const noticeDownload = await center.writeNotice('Public Works');
  const noticePath = join(workspaceDir, 'notice-for-public-works.json');
  await noticeDownload.saveAs(noticePath);
  const written = await center.written.first().innerText();
  const noticeNumber = new RegExp(`Notice (\\S+) for Public Works: 4 boxes, answer due ${DAY}`).exec(written)?.[1];
  expect(noticeNumber, written).toBeDefined();
  await center.dueCount.filter({ hasText: /^No box is due/ }).waitFor();

  // Public Works takes the notice in; its catalog counts down the days to answer.
  await openFromRecent(page, 'Public Works');
  const banner = noticeBanner(page);
  expect(await banner.count(), 'no notice yet, no banner').toBe(0);
  const department = new DispositionPage(page);
  await department.goTo();
  expect(await department.takeIn(noticePath)).toContain('Nothing is destroyed without your written approval.');
  await department.row(noticeNumber!).waitFor();
  expect(await department.row(noticeNumber!).innerText()).toContain('4 boxes');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog', exact: true }).click();
  await banner.waitFor();
  expect(await banner.innerText()).toMatch(/^City Records Center proposes disposition of 4 boxes — answer due in (29|30) days \(by \d{1,2} [A-Z][a-z]+ \d{4}\)\./);

  // Three boxes approved, one refused with a reason and a day to review it; signed and written for the center.
  await banner.getByRole('link', { name: `Answer notice ${noticeNumber}` }).click();
  const notice = new NoticePage(page);
  await notice.waitFor();
  for (const label of ['PW-001', 'PW-002', 'PW-003']) await notice.approve(label);
  await notice.refuse('PW-004', REFUSAL.reason, REFUSAL.reviewDate);
  await notice.answer.getByLabel('Name', { exact: true }).fill('Ana Ruiz');
  await notice.answer.getByLabel('Title', { exact: true }).fill('Records coordinator');
  await notice.sign();
  await notice.answerOf('PW-004').filter({ hasText: 'Refused' }).waitFor();
  for (const label of ['PW-001', 'PW-002', 'PW-003']) expect(await notice.answerOf(label).innerText()).toBe('Approved');
  expect(await notice.answerOf('PW-004').innerText()).toBe(`Refused: ${REFUSAL.reason} (review again on 30 June 2031)`);
  const responsePath = join(workspaceDir, 'response-from-public-works.json');
  await (await notice.downloadResponse()).saveAs(responsePath);

  // Meanwhile the City Attorney asks to keep PW-003, approved a moment ago: a hold from its own box page, written for the center.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog', exact: true }).click();
  const catalog = new CatalogPage(page);
  await catalog.heading.waitFor();
  await catalog.boxesGrid.waitFor();
  await catalog.openBox('PW-003');
  await page.getByRole('button', { name: 'Place a legal hold…' }).click();
  const holds = new HoldsPage(page);
  await holds.dialog.waitFor();
  await holds.dialog.getByLabel('Name of the hold').fill(HOLD.name);
  await holds.dialog.getByLabel('Matter (the lawsuit, audit or request it is for)').fill(HOLD.matter);
  await holds.dialog.getByLabel('Who asked for it').fill(HOLD.requestedBy);
  expect(await holds.dialog.innerText()).toContain('Box PW-003 (whole box)');
  expect(await holds.previewText()).toMatch(/^Covers 1 box/);
  await holds.place(HOLD.name);
  expect(await holds.covers().innerText()).toBe('Box PW-003 (whole box)');
  const holdPath = join(workspaceDir, 'hold-from-public-works.json');
  await (await holds.writeForCenter()).saveAs(holdPath);

  // The center takes in the response, then the hold.
  await openFromRecent(page, 'City Records Center');
  await center.goTo();
  await center.takeIn(responsePath);
  await center.takeInStatus.filter({ hasText: `Open notice ${noticeNumber}` }).waitFor();
  await center.takeIn(holdPath);
  await center.takeInStatus.filter({ hasText: /Open hold \S+$/ }).waitFor();
  expect(await center.takeInStatus.innerText()).toMatch(new RegExp(`^Public Works placed legal hold \\S+ “${HOLD.name}” on .*: they will not go on a disposition notice until it is lifted\\.`));

  // The center acknowledges the hold, from the hold's own page: what it holds under it, for Public Works to take in.
  await center.takeInStatus.getByRole('link', { name: /^Open hold / }).click();
  await page.getByRole('heading', { level: 1, name: `Legal hold “${HOLD.name}”` }).waitFor();
  const acknowledgmentPath = join(workspaceDir, 'hold-acknowledgment-for-public-works.json');
  await (await holds.writeAcknowledgment()).saveAs(acknowledgmentPath);
  expect(await page.locator('.hold-written .success-message').innerText()).toMatch(/says that 1 whole box is held here: send \S+-legal-hold-acknowledgment\.json to Public Works/);
  await center.goTo();

  // On the notice: three approved, one of them now held, one refused; only the two approved and unheld can be carried out.
  const detail = await center.openNotice(noticeNumber!);
  for (const label of ['PW-001', 'PW-002']) {
    const cells = await detail.cells(label);
    expect([cells[6], cells[7], cells[8]]).toEqual(['Approved', 'No', 'Can be carried out']);
  }
  const held = await detail.cells('PW-003');
  expect(held[6]).toBe('Approved');
  expect(held[7]).toBe(`On legal hold: ${HOLD.name}`);
  expect(held[8]).not.toBe('Can be carried out');
  const refused = await detail.cells('PW-004');
  expect(refused[6]).toBe(`Refused: ${REFUSAL.reason} (review again on ${REFUSAL.reviewDate})`);
  expect(refused[8]).not.toBe('Can be carried out');
  expect(await detail.responses.locator('tbody tr').first().innerText()).toContain('Ana Ruiz, Records coordinator');

  await detail.openCarryOut();
  const listed = await detail.dialog.getByRole('list', { name: 'Boxes to be carried out' }).getByRole('listitem').allInnerTexts();
  expect(listed.map((line) => line.split(' ')[0])).toEqual(['PW-001', 'PW-002']);
  const certificatePath = join(workspaceDir, 'certificate-for-public-works.json');
  await (await detail.carryOut('Cross-cut shredding', 'Lee Park, records center supervisor')).saveAs(certificatePath);
  const certificateWords = await detail.carryOutRegion.innerText();
  const certificateNumber = /Certificate (\S+): 2 boxes\./.exec(certificateWords)?.[1];
  expect(certificateNumber, certificateWords).toBeDefined();
  for (const label of ['PW-001', 'PW-002']) await detail.row(label).filter({ hasText: new RegExp(`Destroyed on ${DAY}`) }).waitFor();
  expect((await detail.cells('PW-003'))[8]).toBe(held[8]);
  expect((await detail.cells('PW-004'))[8]).toBe(refused[8]);
  expect(await detail.carryOutButton.isDisabled()).toBe(true);

  // Public Works takes the certificate in.
  await openFromRecent(page, 'Public Works');
  await department.goTo();
  expect(await department.takeIn(certificatePath)).toContain(`on notice ${noticeNumber} (certificate ${certificateNumber}), as you approved.`);
  // The paperwork list below shows the certificate at once, without leaving the screen.
  await department.paperwork().getByRole('row').filter({ hasText: `Certificate ${certificateNumber} of what was done` }).first().waitFor();

  // The notice, in the list and box by box: two destroyed under the certificate, the held one approved but held, the refused one as answered.
  expect(await department.row(noticeNumber!).locator('[data-notice-state]').innerText()).toMatch(
    new RegExp(`^Answered on ${DAY}: 3 approved, 1 refused; partly carried out: certificate ${certificateNumber}$`),
  );
  const answered = await department.openNotice(noticeNumber!);
  const destroyedOn = new RegExp(`^Destroyed on \\d{1,2} [A-Z][a-z]+ \\d{4} \\(certificate ${certificateNumber}\\)$`);
  for (const label of ['PW-001', 'PW-002']) expect(await answered.answerOf(label).innerText()).toMatch(destroyedOn);
  expect(await answered.answerOf('PW-003').innerText()).toBe(`Approved\nOn legal hold “${HOLD.name}”: it cannot be destroyed while the hold lasts.`);
  expect(await answered.answerOf('PW-004').innerText()).toBe(`Refused: ${REFUSAL.reason} (review again on 30 June 2031)`);
  expect(await page.getByRole('list', { name: 'Certificates taken in' }).innerText()).toContain(`Certificate ${certificateNumber}`);

  // Every document of the exchange is kept, the boxes' destruction notwithstanding.
  await department.goTo();
  await department.paperwork().waitFor();
  const paperwork = async (kind: string) => department.paperworkOf(kind);
  expect((await paperwork('Disposition notice')).map((cells) => cells[1])).toEqual([noticeNumber]);
  expect((await paperwork('Disposition notice'))[0]![2]).toBe(`Disposition notice ${noticeNumber} from City Records Center: 4 boxes (PW-001, PW-002 … PW-004)`);
  expect((await paperwork('Response'))[0]![2]).toBe(`Response to disposition notice ${noticeNumber}, signed by Ana Ruiz, Records coordinator: 4 boxes (PW-001, PW-002 … PW-004)`);
  const certificateKept = (await paperwork('Certificate'))[0]!;
  expect(certificateKept[2]).toBe(`Certificate ${certificateNumber} of what was done under notice ${noticeNumber}: 2 boxes (PW-001, PW-002)`);
  // The notice still concerns boxes that exist; the certificate only destroyed ones, so it is kept for the paperwork years after.
  expect(certificateKept[4]).toMatch(/^Kept until \d{1,2} [A-Z][a-z]+ \d{4}$/);
  expect((await paperwork('Disposition notice'))[0]![4]).toBe('Kept while the records exist');
  const hold = await paperwork('Legal hold');
  expect(hold).toHaveLength(1);
  expect(hold[0]![2]).toMatch(new RegExp(`^Legal hold \\S+ “${HOLD.name}”: 1 box \\(PW-003\\)$`));
  expect((await paperwork('Manifest'))[0]![1]).toBe(transferNumber);
  expect((await paperwork('Acknowledgment'))[0]![1]).toBe(accession.accessionNumber);

  // The box list: the two destroyed say so, the other two are still at the center.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog', exact: true }).click();
  await catalog.heading.waitFor();
  await catalog.boxesGrid.waitFor();
  const header = await catalog.boxesGrid.getByRole('columnheader').allInnerTexts();
  const whereColumn = header.indexOf('Where now') + 1;
  expect(whereColumn).toBeGreaterThan(0);
  const labels = await catalog.columnTexts(catalog.boxesGrid, 1);
  const where = await catalog.columnTexts(catalog.boxesGrid, whereColumn);
  const whereOf = new Map(labels.map((label, index) => [label, where[index]]));
  expect(whereOf.get('PW-001')).toMatch(new RegExp(`^Disposed since ${DAY}$`));
  expect(whereOf.get('PW-002')).toMatch(new RegExp(`^Disposed since ${DAY}$`));
  expect(whereOf.get('PW-003')).toMatch(new RegExp(`^At records center since ${DAY}$`));
  expect(whereOf.get('PW-004')).toMatch(new RegExp(`^At records center since ${DAY}$`));
  // The cell's full words, as its tooltip: by whom and under which certificate.
  const destroyedCell = catalog.boxesGrid
    .locator('.vgrid-body-row')
    .filter({ has: page.getByRole('gridcell', { name: 'PW-002', exact: true }) })
    .locator('[data-where-status]');
  expect(await destroyedCell.getAttribute('title')).toMatch(new RegExp(`^destroyed on ${DAY} by City Records Center \\(certificate ${certificateNumber}\\)$`));

  // A destroyed box's page: where it went, under which certificate, and its history from the notice to its destruction.
  const destroyedBox = await catalog.openBox('PW-001');
  const whereNow = page.locator('[data-where-now]');
  expect(await whereNow.innerText()).toMatch(new RegExp(`^Where now: destroyed on ${DAY} by City Records Center \\(certificate ${certificateNumber}\\)\\.$`));
  expect(await page.getByRole('button', { name: 'Place a legal hold…' }).count(), 'a destroyed box cannot be held').toBe(0);
  const history = (await page.getByRole('list', { name: 'What happened to this box' }).getByRole('listitem').allInnerTexts()).map((line) => line.trim());
  const lastSteps = history.slice(-3);
  expect(lastSteps[0], history.join('\n')).toContain(`Put on a disposition notice: City Records Center proposes to destroy it on notice ${noticeNumber}`);
  expect(lastSteps[1], history.join('\n')).toContain(`Disposition approved in writing: Approved in writing by Ana Ruiz, Records coordinator on the answer to notice ${noticeNumber}`);
  expect(lastSteps[2], history.join('\n')).toContain(
    `Destroyed: Destroyed (Cross-cut shredding) by City Records Center, witnessed by Lee Park, records center supervisor, as approved; certificate ${certificateNumber}`,
  );
  expect(await destroyedBox.titles()).toEqual(['PW-001 permits']);

  // The held box: approved, then held, and still on its shelf at the center.
  await page.getByRole('link', { name: 'Back to the list' }).click();
  await catalog.boxesGrid.waitFor();
  await catalog.openBox('PW-003');
  expect(await whereNow.innerText()).toMatch(new RegExp(`^Where now: at City Records Center, accession ${accession.accessionNumber}, `));
  const heldHistory = (await page.getByRole('list', { name: 'What happened to this box' }).getByRole('listitem').allInnerTexts()).map((line) => line.trim());
  const heldSteps = heldHistory.slice(-3);
  expect(heldSteps[0], heldHistory.join('\n')).toContain(`Put on a disposition notice: City Records Center proposes to destroy it on notice ${noticeNumber}`);
  expect(heldSteps[1], heldHistory.join('\n')).toContain('Disposition approved in writing: Approved in writing by Ana Ruiz');
  expect(heldSteps[2], heldHistory.join('\n')).toMatch(new RegExp(`Legal hold placed: Legal hold \\S+ “${HOLD.name}” for ${HOLD.matter} placed on the whole box`));

  // The center's acknowledgment of the hold, taken in on the hold's page: the file sent is acknowledged.
  await holds.goTo();
  expect(await holds.table.getByRole('row').filter({ hasText: HOLD.name }).locator('[data-hold-state]').innerText()).toMatch(/In force\nSent .*; not acknowledged yet$/);
  await holds.table.getByRole('link', { name: HOLD.name }).click();
  expect(await holds.filesSent().innerText()).toMatch(/^Hold file written .* for City Records Center, naming 1 whole box: not acknowledged yet\./);
  expect(await holds.takeInAcknowledgment(acknowledgmentPath)).toMatch(
    new RegExp(`^City Records Center holds 1 whole box under legal hold \\S+ “${HOLD.name}” since \\d{4}-\\d{2}-\\d{2} \\(its number \\S+\\): none of it goes on a disposition notice until you lift the hold\\.$`),
  );
  await holds.filesSent().getByText(/acknowledged: City Records Center took it in on .* and holds 1 whole box under it\./).waitFor();
  await department.goTo();
  expect((await department.paperworkOf('Hold acknowledgment'))[0]![2]).toMatch(new RegExp(`^City Records Center's acknowledgment of legal hold \\S+ “${HOLD.name}”, in force there: 1 box \\(PW-003\\)$`));
});
