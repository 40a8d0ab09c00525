// The records center runs disposition in the browser: chooses a period and sees the boxes due (a held box left out,
// saying why), writes the department's notice (offered for download), takes in the department's signed response
// (made by the department's own catalog in the same workspace), sees each box's answer, and carries out only the
// approved box: the certificate is offered for download and the refused and unanswered boxes stay as they are.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import { dispositionCertificateSchema, dispositionNoticeSchema, dispositionResponseSchema } from '../../../shared/exchange/disposition';
import { setupWebTests } from '../support/fixtures';
import { centerWithBoxes, switchTo } from '../support/center-with-boxes';
import { checkAccessibility } from '../support/axe';
import { CenterDispositionPage } from '../pages/center-disposition-page';

const web = setupWebTests();
const LABELS = ['PW-001', 'PW-002', 'PW-003', 'PW-004'];
/** CY+3 on folders of 2018–2019: every box is due once 2022 has ended. */
const DUE = '2023-01-01';
const PERIOD = { from: '2023-01-01', to: '2023-03-31' };

it('lists what is due with a held box left out, writes the notice, takes in the answer and carries out only the approved box', async () => {
  const { call } = web.app;
  const { accession, departmentPath, centerPath } = await centerWithBoxes(call, { labels: LABELS, acknowledged: true });
  const byLabel = new Map(accession.boxes.map((box) => [box.label, box]));
  const held = byLabel.get('PW-004')!;
  await call('holds.create', { name: 'Oak Street appeal', matter: 'Ruiz v. City', requestedBy: 'City Attorney', scope: { boxIds: [held.id] } });

  await web.load();
  const page = web.page;
  await page.getByRole('heading', { level: 1, name: 'Packages received' }).waitFor();
  // The center states its notice period once, in Settings: 30 days.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
  const noticePeriod = page.getByRole('form', { name: 'Disposition notice period' });
  await noticePeriod.getByLabel('Days a department has to answer').fill('30');
  await noticePeriod.getByRole('button', { name: 'Save the notice period' }).click();
  await noticePeriod.getByRole('status').filter({ hasText: 'Saved: notices written from now on give departments 30 days to answer.' }).waitFor();
  const disposition = new CenterDispositionPage(page);
  await disposition.goTo();

  // This quarter (the default) holds none of them: the boxes fell due at the start of 2023.
  expect(await disposition.due.getByRole('radio', { name: 'This quarter', exact: true }).isChecked()).toBe(true);
  await disposition.dueCount.waitFor();
  expect(await disposition.dueCount.innerText()).toMatch(/^No box is due from \d{4}-\d{2}-01 to \d{4}-\d{2}-\d{2}\.$/);

  await disposition.choosePeriod('From … to …', PERIOD);
  await disposition.dueCount.filter({ hasText: `3 boxes are due from ${PERIOD.from} to ${PERIOD.to}, for 1 department.` }).waitFor();
  const toDestroy = disposition.toDestroy('Public Works');
  expect(await toDestroy.locator('tbody tr').count()).toBe(3);
  for (const label of ['PW-001', 'PW-002', 'PW-003']) {
    const cells = await disposition.row(toDestroy, label).locator('td').allInnerTexts();
    const box = byLabel.get(label)!;
    expect(cells[0]).toContain(label);
    expect(cells[1]).toBe(`${accession.accessionNumber}, center box ${box.centerBoxNumber}`);
    expect(cells[2]).toBe(box.location);
    expect(cells[3]).toBe(DUE);
    expect(cells[4]).toBe('GS 1010');
    expect(cells[6]).toBe('Destroy');
  }
  // The held box is left out, saying which hold keeps it.
  const leftOut = await disposition.row(disposition.leftOut, 'PW-004').locator('td').allInnerTexts();
  expect(leftOut[0]).toBe('Public Works');
  expect(leftOut[6]).toMatch(/legal hold .*Oak Street appeal/);
  expect(await disposition.row(toDestroy, 'PW-004').count()).toBe(0);
  const screen = await checkAccessibility(page, 'The records center’s disposition screen');
  expect(screen.serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);

  // The notice for Public Works, answer due in the center's 30 days; the JSON is offered at once.
  expect(await page.getByRole('form', { name: 'Write the notice for Public Works', exact: true }).innerText()).toMatch(/Its answer is due by .*: your notice period of 30 days, set in Settings\./);
  const noticeDownload = await disposition.writeNotice('Public Works');
  expect(noticeDownload.suggestedFilename()).toMatch(/\.json$/);
  const noticePath = join(web.app.workspaceDir, 'saved-notice.json');
  await noticeDownload.saveAs(noticePath);
  const notice = dispositionNoticeSchema.parse(JSON.parse(await readFile(noticePath, 'utf8')));
  expect(notice.boxes.map((box) => box.boxLabel).sort()).toEqual(['PW-001', 'PW-002', 'PW-003']);
  expect(notice.department.name).toBe('Public Works');
  const written = await disposition.written.first().innerText();
  expect(written).toContain(`Notice ${notice.notice.number} for Public Works: 3 boxes, answer due ${notice.notice.respondBy}`);
  expect(written).toContain(notice.fingerprint);
  // Noticed boxes leave the due list; they are left out now because they are on the notice.
  await disposition.dueCount.filter({ hasText: /^No box is due/ }).waitFor();
  expect(await disposition.row(disposition.leftOut, 'PW-001').locator('td').last().innerText()).toContain(notice.notice.number);
  await disposition.noticeRow(notice.notice.number).waitFor();
  const listed = await disposition.noticeRow(notice.notice.number).locator('td').allInnerTexts();
  expect(listed[1]).toBe('Public Works');
  expect(listed[3]).toContain(notice.notice.respondBy);
  expect(listed[3]).toMatch(/Answer due in (29|30) days/);
  expect(listed.slice(4, 10)).toEqual(['3', '0', '0', '0', '3', '0']);

  // The same notice taken in at the center is for the other side: refused in words, nothing changed.
  await disposition.takeIn(noticePath);
  expect(await disposition.takeInError.innerText()).toMatch(/saved-notice\.json is not a department’s disposition response or legal hold .*other side of the exchange.*Nothing was changed\./);

  // Public Works answers in its own catalog: PW-001 approved, PW-002 refused, PW-003 more time. Its app answers every
  // box; the file is then cut down to the first two answers and sealed again, as a response from elsewhere could be,
  // so the center has a box with no answer at all.
  await switchTo(call, departmentPath);
  const takenIn = await call('disposition.import', { file: { path: noticePath } });
  const departmentNotice = await call('disposition.get', { id: takenIn.id });
  const own = new Map(departmentNotice.noticeBoxes.map((box) => [box.boxLabel, box.boxId]));
  const answered = await call('disposition.respond', {
    noticeId: takenIn.id,
    answers: [
      { boxId: own.get('PW-001')!, answer: 'approve' },
      { boxId: own.get('PW-002')!, answer: 'refuse', reason: 'The permits are part of an audit', reviewDate: '2027-06-30' },
      { boxId: own.get('PW-003')!, answer: 'extend', reason: 'Still checking', extendTo: '2027-01-31' },
    ],
    signedName: 'Ana Ruiz',
    signedTitle: 'Records coordinator',
  });
  const full = dispositionResponseSchema.parse(JSON.parse(await readFile(answered.path, 'utf8')));
  const silentBox = notice.boxes.find((box) => box.boxLabel === 'PW-003')!.boxId;
  const { fingerprint: _old, ...unsealed } = { ...full, answers: full.answers.filter((answer) => answer.boxId !== silentBox) };
  expect(unsealed.answers).toHaveLength(2);
  const response = { path: join(web.app.workspaceDir, 'PW-response.json'), fingerprint: sealFingerprint(unsealed) };
  await writeFile(response.path, JSON.stringify({ ...unsealed, fingerprint: response.fingerprint }, null, 2));
  await switchTo(call, centerPath);

  await web.load();
  await disposition.goTo();
  await disposition.takeIn(response.path);
  expect(await disposition.takeInStatus.innerText()).toContain(`Open notice ${notice.notice.number}`);
  await disposition.noticeRow(notice.notice.number).waitFor();
  expect((await disposition.noticeRow(notice.notice.number).locator('td').allInnerTexts()).slice(4, 10)).toEqual(['3', '1', '1', '0', '1', '0']);

  const detail = await disposition.openNotice(notice.notice.number);
  expect(await detail.heading.innerText()).toBe(`Notice ${notice.notice.number}`);
  expect(page.url()).toMatch(/#\/disposition\/\d+$/);
  expect(await detail.facts.innerText()).toContain(notice.fingerprint);
  const approved = await detail.cells('PW-001');
  expect(approved[6]).toBe('Approved');
  expect(approved[7]).toBe('No');
  expect(approved[8]).toBe('Can be carried out');
  const refused = await detail.cells('PW-002');
  expect(refused[6]).toBe('Refused: The permits are part of an audit (review again on 2027-06-30)');
  expect(refused[8]).not.toBe('Can be carried out');
  const silent = await detail.cells('PW-003');
  expect(silent[6]).toBe('No answer yet');
  expect(silent[8]).toContain('never destroyed');
  const responses = await detail.responses.locator('tbody tr').allInnerTexts();
  expect(responses).toHaveLength(1);
  expect(responses[0]).toContain('Ana Ruiz, Records coordinator');
  expect(responses[0]).toContain(response.fingerprint);
  const noticePage = await checkAccessibility(page, 'A records center disposition notice');
  expect(noticePage.serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);

  // The dialog lists only the approved box, with what will happen to it, and says it cannot be undone.
  await detail.openCarryOut();
  const listedToCarry = await detail.dialog.getByRole('list', { name: 'Boxes to be carried out' }).getByRole('listitem').allInnerTexts();
  expect(listedToCarry).toHaveLength(1);
  expect(listedToCarry[0]).toMatch(/^PW-001 .*destroyed by/);
  expect(await detail.dialog.innerText()).toContain('This cannot be undone.');
  const dialogCheck = await checkAccessibility(page, 'The carry-out dialog');
  expect(dialogCheck.serious.map((finding) => `${finding.id}: ${finding.help}`)).toEqual([]);
  const certificateDownload = await detail.carryOut('Cross-cut shredding', 'Lee Park, records center supervisor');
  const certificatePath = join(web.app.workspaceDir, 'saved-certificate.json');
  await certificateDownload.saveAs(certificatePath);
  const certificate = dispositionCertificateSchema.parse(JSON.parse(await readFile(certificatePath, 'utf8')));
  expect(certificate.boxes.map((box) => [box.boxLabel, box.action, box.method, box.witness])).toEqual([
    ['PW-001', 'destroyed', 'Cross-cut shredding', 'Lee Park, records center supervisor'],
  ]);
  expect(certificate.notice).toEqual({ number: notice.notice.number, fingerprint: notice.fingerprint });
  expect(certificate.response.fingerprint).toBe(response.fingerprint);
  expect(await detail.carryOutRegion.innerText()).toContain(certificate.fingerprint);

  // Only the approved box was carried out; the refused and unanswered ones stay.
  await detail.row('PW-001').filter({ hasText: /Destroyed on \d{4}-\d{2}-\d{2}/ }).waitFor();
  expect((await detail.cells('PW-002'))[8]).toBe(refused[8]);
  expect((await detail.cells('PW-003'))[8]).toBe(silent[8]);
  expect(await detail.carryOutButton.isDisabled()).toBe(true);
  expect(await detail.certificates.locator('tbody tr').first().innerText()).toContain(certificate.fingerprint);
  const after = await call('disposition.get', { id: Number(page.url().split('/').pop()) });
  expect(after.noticeBoxes.filter((box) => box.executed !== null).map((box) => box.boxLabel)).toEqual(['PW-001']);

  // Past the answer date, the unanswered box is a reason to ask again, never to destroy. (Moved in the table: the
  // clock is not the test's to turn.)
  web.app.session.current()!.db.run('UPDATE disposition_notice SET respond_by = ? WHERE number = ?', ['2025-01-01', notice.notice.number]);
  await web.load();
  await disposition.goTo();
  const late = await disposition.noticeRow(notice.notice.number).locator('td').allInnerTexts();
  expect(late[3]).toMatch(/^2025-01-01\s+\d[\d,]* days past the answer date$/);
  expect(late[10]).toBe('No answer by 2025-01-01 for 1 box: ask the department again — a box without an approval is never destroyed');
});
