// The department answers a disposition notice in the browser: the catalog's banner counts down the days to answer,
// the notice file is taken in, one box is refused with a reason and a review date and the rest approved, the answer
// is signed (by the department's official, filled in) and the response offered to download. Then a legal hold is
// placed by words of a folder title and is seen to hold that folder, written for the center and lifted. The center's side runs in the same workspace
// through its own catalog, as a records center would.
import { expect, it } from 'vitest';
import { DISPOSITION_MEANING } from '../../../shared/exchange/disposition';
import { setupWebTests } from '../support/fixtures';
import { sendAndPackage } from '../support/department';
import { checkAccessibility } from '../support/axe';
import { DispositionPage, HoldsPage, NoticePage, noticeBanner } from '../pages/disposition-page';

const web = setupWebTests();
const CENTER_PROFILE = {
  name: 'City Records Center', address: '1 Archive Way', contactName: 'Lee Park', contactPhone: '555-0199', contactEmail: 'records@city.example',
  retrievalInstructions: 'Email the accession and box number.', turnaround: 'Two working days', turnaroundWorkingDays: 2,
  dispositionNoticeDays: 90, deliveryOptions: ['box-returned', 'scan-on-demand'] as ('box-returned' | 'scan-on-demand')[],
  lossPolicy: 'Reported within one working day.',
};

/** Boxes PW-001 and PW-002 (2018–2019 permits, CY+3: due since 2023) sent, shelved at the center, acknowledged; the center's notice for them. */
async function noticeFromTheCenter() {
  const { call, workspaceDir } = web.app;
  const departmentCatalog = await call('catalog.create', {
    fileName: 'Public Works',
    department: { name: 'Public Works', code: 'PW', contactName: 'Ana Ruiz', contactEmail: 'ana@city.example', officialName: 'Marcus Oyelaran', officialTitle: 'Director of Public Works' },
  });
  const center = await call('centers.create', CENTER_PROFILE);
  const item = await call('schedule.create', { itemNumber: 'GS 1010', title: 'Building permits', retentionText: 'CY+3', rule: { kind: 'period', years: 3, trigger: 'calendar-year' } });
  const first = await call('boxes.create', { label: 'PW-001' });
  await call('folders.create', { boxId: first.id, folder: { title: 'Oak Street permits', scheduleItemId: item.id, beginDate: '2018', endDate: '2019' } });
  await call('folders.create', { boxId: first.id, folder: { title: 'Elm Street inspections', scheduleItemId: item.id, beginDate: '2018', endDate: '2019' } });
  const second = await call('boxes.create', { label: 'PW-002' });
  await call('folders.create', { boxId: second.id, folder: { title: 'Maple Avenue permits', scheduleItemId: item.id, beginDate: '2018', endDate: '2019' } });
  const transfer = await call('transfers.create', { recordsCenterId: center.id });
  await call('transfers.addBoxes', { id: transfer.id, boxIds: [first.id, second.id] });
  const started = await sendAndPackage(call, transfer.id, workspaceDir);

  await call('catalog.create', { fileName: 'City Records Center', department: { name: 'City Records Center' }, role: 'records-center' });
  const { accession } = await call('center.intake', { file: { path: started.zip } });
  const detail = await call('center.accession.get', { id: accession.id });
  await call('center.checkIn', { accessionId: accession.id, boxes: detail.boxes.map((each) => ({ box: each.boxCode!, status: 'received' as const })) });
  await call('center.addLocations', { building: 'A', rows: { from: 1, to: 1 }, bays: { from: 1, to: 1 }, shelves: { from: 1, to: 1 }, positionsPerShelf: 2, capacityCubicFeet: 2.5 });
  await call('center.accession', { accessionId: accession.id, locations: 'auto' });
  const acknowledgment = await call('center.acknowledge', { accessionId: accession.id, outDir: workspaceDir });
  const today = new Date().toISOString().slice(0, 10);
  const due = await call('center.disposition.due', { from: '2020-01-01', to: today });
  expect(due.departments.map((each) => each.boxes.map((box) => box.boxLabel).sort())).toEqual([['PW-001', 'PW-002']]);
  const notice = await call('center.disposition.notice', { departmentId: due.departments[0]!.department.id, from: '2020-01-01', to: today, noticeDays: 90, outDir: workspaceDir });

  await call('catalog.open', { path: departmentCatalog.path });
  await call('acknowledgments.import', { file: { path: acknowledgment.path } });
  return { notice };
}

it('answers a notice box by box, signs it, and places, writes and lifts a legal hold by words that holds the folder', async () => {
  const { notice } = await noticeFromTheCenter();
  await web.load();
  const page = web.page;

  // Before any notice, the screen teaches what disposition means and that nothing goes without approval.
  const disposition = new DispositionPage(page);
  await disposition.goTo();
  expect(await disposition.emptyState.innerText()).toContain(DISPOSITION_MEANING);

  // Take the notice in: it is listed, waiting for an answer.
  expect(await disposition.takeIn(notice.path)).not.toBe('');
  await disposition.row(notice.number).waitFor();
  expect(await disposition.row(notice.number).innerText()).toMatch(/2 boxes/);

  // The catalog's banner counts down the days left to answer, with the date.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog', exact: true }).click();
  const banner = noticeBanner(page);
  await banner.waitFor();
  expect(await banner.innerText()).toMatch(/^City Records Center proposes disposition of 2 boxes — answer due in \d+ days \(by \d{1,2} [A-Z][a-z]+ \d{4}\)\./);

  // From the banner to the notice: what disposition means, and each box in the department's words.
  await banner.getByRole('link', { name: `Answer notice ${notice.number}` }).click();
  const noticePage = new NoticePage(page);
  await noticePage.waitFor();
  expect(await page.getByRole('region', { name: 'What disposition means' }).innerText()).toContain('Nothing listed here is destroyed');
  expect(await noticePage.countdown.innerText()).toMatch(/Answer due in \d+ days \(by /);
  expect(await noticePage.boxes.innerText()).toContain('GS 1010');
  const noticeCheck = await checkAccessibility(page, 'A disposition notice');
  expect(noticeCheck.serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);

  // Approve all, then refuse PW-002 with a reason and a review date; the official's name and title are filled in.
  await noticePage.answer.getByRole('button', { name: 'Approve all' }).click();
  expect(await noticePage.box('PW-001').getByRole('radio', { name: 'Approve' }).isChecked()).toBe(true);
  await noticePage.refuse('PW-002', 'Needed for the Maple Avenue audit', '2031-06-30');
  expect(await noticePage.answer.getByLabel('Name', { exact: true }).inputValue()).toBe('Marcus Oyelaran');
  expect(await noticePage.answer.getByLabel('Title', { exact: true }).inputValue()).toBe('Director of Public Works');
  await noticePage.sign();

  // The response is written, offered to download, and each box shows its answer.
  expect(await noticePage.written.getByRole('button', { name: /^Download the response file \(.+\.json\)$/ }).count()).toBe(1);
  expect(await noticePage.written.getByRole('button', { name: /^Download the PDF \(.+\.pdf\)$/ }).count()).toBe(1);
  await noticePage.answerOf('PW-002').filter({ hasText: 'Refused' }).waitFor();
  expect(await noticePage.answerOf('PW-001').innerText()).toBe('Approved');
  expect(await noticePage.answerOf('PW-002').innerText()).toBe('Refused: Needed for the Maple Avenue audit (review again on 30 June 2031)');
  expect(await noticePage.answer.count(), 'no box is left to answer').toBe(0);
  expect(await page.getByRole('list', { name: 'Responses signed' }).innerText()).toContain('Marcus Oyelaran, Director of Public Works');

  // Answered, the banner is gone from the catalog.
  await web.load();
  await page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
  expect(await banner.count()).toBe(0);

  // A legal hold placed by a word of a folder title: the preview shows what it covers before it is placed.
  const holds = new HoldsPage(page);
  await holds.goTo();
  const listCheck = await checkAccessibility(page, 'Legal holds');
  expect(listCheck.serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);
  await holds.openPlaceDialog();
  await holds.dialog.getByLabel('Name of the hold').fill('Oak Street claim');
  await holds.dialog.getByLabel('Matter (the lawsuit, audit or request it is for)').fill('Ruiz v. City');
  await holds.dialog.getByLabel('Who asked for it').fill('City Attorney’s Office');
  await holds.dialog.getByLabel('Words in folder titles').fill('Oak');
  const preview = await holds.previewText();
  expect(preview).toMatch(/^Covers .*1 folder/);
  expect(preview).toContain('Folder 1 “Oak Street permits” in box PW-001');
  expect(preview).not.toContain('Elm Street');
  const dialogCheck = await checkAccessibility(page, 'Place a legal hold');
  expect(dialogCheck.serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);
  await holds.place('Oak Street claim');

  expect(await holds.covers().innerText()).toBe('Folder 1 “Oak Street permits” in box PW-001');
  const holdCheck = await checkAccessibility(page, 'A legal hold');
  expect(holdCheck.serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);

  // Back on the list, the hold is in force and says what it covers.
  await page.getByRole('link', { name: 'All legal holds' }).click();
  await holds.table.waitFor();
  const row = holds.table.getByRole('row').filter({ hasText: 'Oak Street claim' });
  expect(await row.innerText()).toContain('Ruiz v. City');
  expect(await row.locator('[data-hold-state]').innerText()).toBe('In force\nNot sent to the records center');

  // The hold is written for the records center (the file offered to download), then lifted with a reason, after a confirmation.
  await row.getByRole('link', { name: 'Oak Street claim' }).click();
  await page.getByRole('heading', { level: 1, name: 'Legal hold “Oak Street claim”' }).waitFor();
  await page.getByRole('button', { name: 'Write the hold for the records center' }).click();
  await page.getByRole('button', { name: /^Download the hold file \(.+\.json\)$/ }).waitFor();
  await page.getByRole('button', { name: 'Lift the hold…' }).click();
  const lift = page.getByRole('dialog', { name: 'Lift the hold “Oak Street claim”?' });
  expect(await lift.getByRole('button', { name: 'Lift the hold' }).isDisabled(), 'a hold is never lifted without a reason').toBe(true);
  await lift.getByLabel('Why the hold is lifted').fill('The claim was settled.');
  await lift.getByRole('button', { name: 'Lift the hold' }).click();
  await lift.waitFor({ state: 'detached' });
  await page.getByText(/^Lifted .*: The claim was settled\.$/).waitFor();
  expect(await page.getByRole('button', { name: 'Lift the hold…' }).count()).toBe(0);
});
