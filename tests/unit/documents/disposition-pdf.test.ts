// The three disposition papers, read back by poppler: the notice (who, the period, the answer deadline in large
// words, what disposition means, what happens without an answer, a table per action, every folder, how to answer),
// the signed response (each box's answer in words, the signature block, both seals) and the certificate (what was
// done, how, when, witnessed by whom, the approval it rests on). Each prints only what its file holds; hostile
// titles neither overlap nor leave the page; 60 boxes run onto more pages with the table header repeated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import { loadFonts } from '../../../electron/exchange/fonts';
import {
  buildCertificatePdf,
  buildNoticePdf,
  buildResponsePdf,
  CERTIFICATE_SEAL_KEYWORD,
  CERTIFICATE_STATEMENT,
  NO_ANSWER_WORDS,
  NOTICE_SEAL_KEYWORD,
  RESPONSE_SEAL_KEYWORD,
} from '../../../shared/documents/disposition-pdf';
import type { DocumentFonts } from '../../../shared/documents/pdf-document';
import {
  DISPOSITION_CERTIFICATE_FORMAT,
  DISPOSITION_MEANING,
  DISPOSITION_NOTICE_FORMAT,
  DISPOSITION_RESPONSE_FORMAT,
  dispositionCertificateSchema,
  dispositionNoticeSchema,
  dispositionResponseSchema,
  type DispositionCertificate,
  type DispositionNotice,
  type DispositionResponse,
  type NoticeBox,
} from '../../../shared/exchange/disposition';
import { missingTools, pdfPages, pdfWords, runCapturing, tempDir, type PdfWord } from './fixtures/tools';
import { MARGIN, outside, overlapping, PAGE } from './fixtures/layout';


type Unsealed<T> = Omit<T, 'fingerprint'>;

function box(sequence: number, change: Partial<NoticeBox> = {}): NoticeBox {
  return {
    transferNumber: 'PW-2026-001', manifestFingerprint: 'a'.repeat(64), accessionNumber: 'PW-2026-0042', boxSequence: sequence,
    boxId: `PW-2026-001-${String(sequence).padStart(3, '0')}`, boxLabel: `PW-${sequence}`, centerBoxNumber: String(117 + sequence),
    dispositionDate: '2026-12-31', action: 'destroy', confidential: false,
    series: [{ itemNumber: 'GS 1010', title: 'Building permits', retentionText: 'CY+3', citation: 'Gov. Code 34090' }],
    folders: [
      { position: 1, title: `Box ${sequence} permits 2018`, fileCode: 'BP-OAK', beginDate: '2018', endDate: '2018', itemNumber: 'GS 1010' },
      { position: 2, title: `Box ${sequence} permits 2019`, fileCode: 'BP-OAK', beginDate: '2019-02', endDate: '2019-11', itemNumber: 'GS 1010' },
    ],
    ...change,
  };
}

const CENTER = { name: 'City Records Center', contactName: 'Lee Park', contactPhone: '555-0199', contactEmail: 'records@city.example' };
const DEPARTMENT = { name: 'Public Works', code: 'PW' };

function noticeOf(change: (notice: Unsealed<DispositionNotice>) => void = () => {}): DispositionNotice {
  const notice: Unsealed<DispositionNotice> = {
    format: DISPOSITION_NOTICE_FORMAT,
    notice: { number: 'PW-DN-2026-0003', issuedAt: '2026-12-07T10:00:00.000Z', period: { from: '2026-01-01', to: '2026-12-31' }, respondBy: '2027-03-07', meaning: DISPOSITION_MEANING },
    department: { ...DEPARTMENT },
    recordsCenter: { ...CENTER, noticeDays: 90 },
    boxes: [
      box(1, { boxLabel: 'Oak Street permits' }),
      box(2, { boxLabel: 'Elm Street permits', centerBoxNumber: null }),
      box(3, { boxLabel: 'Personnel files', action: 'secure-destroy', confidential: true,
        series: [{ itemNumber: 'GS 1020', title: 'Personnel files', retentionText: 'Separation + 6 years', citation: 'Labor Code 1198.5' }],
        folders: [{ position: 1, title: 'Separations 2015', fileCode: 'HR-SEP', beginDate: '2015', endDate: '2015', itemNumber: 'GS 1020' }] }),
      box(4, { boxLabel: 'Council minutes', action: 'transfer-to-archives', dispositionDate: '2026-06-30',
        series: [{ itemNumber: 'GS 1001', title: 'Council minutes', retentionText: 'Permanent', citation: '' }], folders: [] }),
    ],
  };
  change(notice);
  return dispositionNoticeSchema.parse({ ...notice, fingerprint: sealFingerprint(notice) });
}

function responseTo(notice: DispositionNotice, change: (response: Unsealed<DispositionResponse>) => void = () => {}): DispositionResponse {
  const response: Unsealed<DispositionResponse> = {
    format: DISPOSITION_RESPONSE_FORMAT,
    notice: { number: notice.notice.number, fingerprint: notice.fingerprint },
    department: { ...DEPARTMENT },
    respondedAt: '2027-01-15T15:30:00.000Z',
    signedBy: { name: 'Ana Ruiz', title: 'Records Coordinator' },
    answers: [
      { boxId: 'PW-2026-001-001', answer: 'approve', reason: '', reviewDate: null, extendTo: null },
      { boxId: 'PW-2026-001-002', answer: 'refuse', reason: 'Open audit of 2019 permits', reviewDate: '2028-01-31', extendTo: null },
      { boxId: 'PW-2026-001-003', answer: 'extend', reason: '', reviewDate: null, extendTo: '2027-09-01' },
    ],
  };
  change(response);
  return dispositionResponseSchema.parse({ ...response, fingerprint: sealFingerprint(response) });
}

function certificateFor(notice: DispositionNotice, response: DispositionResponse, change: (certificate: Unsealed<DispositionCertificate>) => void = () => {}): DispositionCertificate {
  const done = (boxId: string, action: 'destroyed' | 'transferred-to-archives', method: string, witness: string) => {
    const { dispositionDate: _date, action: _proposed, confidential: _confidential, series: _series, ...kept } = notice.boxes.find((each) => each.boxId === boxId)!;
    return { ...kept, action, method, at: '2027-02-01T14:00:00.000Z', witness };
  };
  const certificate: Unsealed<DispositionCertificate> = {
    format: DISPOSITION_CERTIFICATE_FORMAT,
    certificate: { number: 'CRC-CD-2027-0001', issuedAt: '2027-02-01T16:00:00.000Z' },
    notice: { number: notice.notice.number, fingerprint: notice.fingerprint },
    response: { fingerprint: response.fingerprint, signedBy: response.signedBy, respondedAt: response.respondedAt },
    department: { ...DEPARTMENT },
    recordsCenter: { ...CENTER },
    boxes: [done('PW-2026-001-001', 'destroyed', 'cross-cut shredding', 'Sam Lee'), done('PW-2026-001-004', 'transferred-to-archives', 'transferred to the State Archives', 'Kim Cho')],
  };
  change(certificate);
  return dispositionCertificateSchema.parse({ ...certificate, fingerprint: sealFingerprint(certificate) });
}

const temp = tempDir('disposition-pdf');
let fonts: DocumentFonts;
beforeAll(async () => {
  fonts = await loadFonts();
});
afterAll(() => temp.remove());

interface Printed { file: string; text: string; flat: string; words: PdfWord[] }

async function printed(bytes: Promise<Uint8Array>, name: string): Promise<Printed> {
  const file = temp.write(name, await bytes);
  const text = pdfPages(file).join('\n');
  return { file, text, flat: text.replace(/\s+/g, ' '), words: pdfWords(file) };
}

/** Words grouped into lines (same baseline), top to bottom. */
function linesOf(words: PdfWord[]): PdfWord[][] {
  const lines: PdfWord[][] = [];
  for (const word of [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const last = lines.at(-1);
    if (last && Math.abs(last[0].yMin - word.yMin) < 1) last.push(word);
    else lines.push([word]);
  }
  return lines.map((line) => line.sort((a, b) => a.xMin - b.xMin));
}

/** The footer's lines (below the bottom margin), which a table's body never includes. */
const isFooter = (word: PdfWord) => word.yMin > PAGE[1] - MARGIN;

/**
 * A table read column by column: found by a word only its header has (`anchor`), its header lines skipped (lines of
 * header words only, and on later pages the "(continued)" title before them), its body down to the first line
 * `endsAt` picks, across pages; each column's words in reading order, so a cell reads as one phrase however it
 * wrapped, and the rows follow one another.
 */
function tableColumns(words: PdfWord[], anchor: string, headers: string[], endsAt: (line: PdfWord[]) => boolean, occurrence = 0): string[] {
  const found = words.filter((word) => word.text === anchor)[occurrence];
  const headerWords = new Set(headers.flatMap((header) => header.split(' ')));
  const isHeader = (line: PdfWord[]) => line.every((word) => headerWords.has(word.text));
  const pages = [...new Set(words.map((word) => word.page))].filter((page) => page >= found.page).sort((a, b) => a - b);
  let headerLine: PdfWord[] = [];
  const body: PdfWord[] = [];
  read: for (const page of pages) {
    const lines = linesOf(words.filter((word) => word.page === page && !isFooter(word) && (page > found.page || word.yMin >= found.yMin - 1)));
    let first = 0;
    if (page > found.page) {
      // A continued table starts its page with its title and header again; anything else means it ended.
      if (!lines[0]?.some((word) => word.text === '(continued)')) break;
      first = 1;
    } else {
      headerLine = lines[0];
    }
    while (first < lines.length && isHeader(lines[first])) first += 1;
    for (const line of lines.slice(first)) {
      if (endsAt(line)) break read;
      body.push(...line);
    }
  }
  const starts: number[] = [];
  let from = 0;
  for (const header of headers) {
    const index = headerLine.findIndex((word, at) => at >= from && word.text === header.split(' ')[0]);
    expect(index, `header ${header}`).toBeGreaterThanOrEqual(0);
    starts.push(headerLine[index].xMin - 2);
    from = index + 1;
  }
  return starts.map((start, index) => body
    .filter((word) => word.xMin >= start && (index === starts.length - 1 || word.xMin < starts[index + 1]))
    .map((word) => word.text).join(' '));
}

/** A heading or paragraph at the left margin starting with this word ends a table. */
const startsWith = (text: string) => (line: PdfWord[]) => line[0].text === text && line[0].xMin < MARGIN + 1;

describe.skipIf(missingTools('pdftotext', 'pdfinfo').length > 0)('the disposition papers, read by poppler', () => {
  it('the notice says who asks whom, the period, the deadline in large words, what it means and what silence means', async () => {
    const notice = noticeOf();
    const { file, flat, words } = await printed(buildNoticePdf(notice, { fingerprint: notice.fingerprint, ...fonts }), 'notice.pdf');
    const info = runCapturing('pdfinfo', [file]);
    expect(info.stderr).toBe('');
    expect(info.stdout).toMatch(/Title:\s+Disposition notice PW-DN-2026-0003/);
    expect(info.stdout).toContain(`${NOTICE_SEAL_KEYWORD}${notice.fingerprint}`);

    expect(flat).toContain('Disposition notice PW-DN-2026-0003 from City Records Center to Public Works');
    expect(flat).toContain(
      'Issued December 7, 2026. It lists the 3 boxes of Public Works whose disposition date falls from January 1, 2026 to December 31, 2026 (2026-01-01 to 2026-12-31), ' +
        'and 1 box of permanent series the center holds, to transfer to the archives.',
    );
    expect(flat).toContain('Please answer by March 7, 2027 (2027-03-07). That is City Records Center’s notice period: 90 days from the day of this notice.');
    // The deadline is printed larger than the body text around it.
    const please = words.find((word) => word.text === 'Please')!;
    const issued = words.find((word) => word.text === 'Issued')!;
    expect(please.yMax - please.yMin).toBeGreaterThan(1.4 * (issued.yMax - issued.yMin));
    expect(flat).toContain(`What this means ${DISPOSITION_MEANING}`);
    expect(flat).toContain(`If you do not answer ${NO_ANSWER_WORDS}`);

    // One table per action, in the order destroy, destroy securely, transfer; each box as both sides know it.
    expect(flat).toContain('Destroy: 2 boxes');
    expect(flat).toContain('Destroy securely (confidential): 1 box');
    expect(flat).toContain('Transfer to the archives (kept permanently): 1 box');
    const headers = ['Box', 'Box id', 'Accession', 'Dates', 'Schedule item', 'Disposition'];
    expect(tableColumns(words, 'Schedule', headers, startsWith('Destroy'), 0)).toEqual([
      'Oak Street permits Elm Street permits',
      'PW-2026-001-001 PW-2026-001-002',
      'PW-2026-0042, center box 118 PW-2026-0042',
      '2018 – 2019-11 2018 – 2019-11',
      'GS 1010 Building permits: CY+3 (authority: Gov. Code 34090) GS 1010 Building permits: CY+3 (authority: Gov. Code 34090)',
      '2026-12-31 2026-12-31',
    ]);
    expect(tableColumns(words, 'Schedule', headers, startsWith('Transfer'), 1)).toEqual([
      'Personnel files (confidential)', 'PW-2026-001-003', 'PW-2026-0042, center box 120', '2015',
      'GS 1020 Personnel files: Separation + 6 years (authority: Labor Code 1198.5)', '2026-12-31',
    ]);
    // No citation in the file: no authority printed, and nothing made up in its place.
    expect(tableColumns(words, 'Schedule', headers, startsWith('What'), 2)).toEqual([
      'Council minutes', 'PW-2026-001-004', 'PW-2026-0042, center box 121', 'no dates', 'GS 1001 Council minutes: Permanent', 'permanent; held since 2026-06-30',
    ]);

    expect(tableColumns(words, 'File', ['Box', 'No.', 'Folder title', 'File code', 'Dates'], startsWith('How'))).toEqual([
      'Oak Street permits Oak Street permits Elm Street permits Elm Street permits Personnel files Council minutes',
      '1 2 1 2 1 —',
      'Box 1 permits 2018 Box 1 permits 2019 Box 2 permits 2018 Box 2 permits 2019 Separations 2015 No folders listed',
      'BP-OAK BP-OAK BP-OAK BP-OAK HR-SEP',
      '2018 2019-02 – 2019-11 2018 2019-02 – 2019-11 2015',
    ]);
    expect(flat).toContain('How to answer • Approve:');
    expect(flat).toContain('Refuse: give the reason and the date the records center should review the box again.');
    expect(flat).toContain('Ask for more time: say until when.');
    expect(flat).toContain('Questions: City Records Center, Lee Park · 555-0199 · records@city.example.');
    expect(flat).toContain(notice.fingerprint);
    expect(flat).toContain('Disposition notice PW-DN-2026-0003 · answer by 2027-03-07 · page 1 of');
    expect(overlapping(words)).toEqual([]);
    expect(outside(words)).toEqual([]);
  });

  it('prints only what the notice holds: no contact or authority it does not have', async () => {
    const notice = noticeOf((draft) => {
      Object.assign(draft.recordsCenter, { contactName: '', contactPhone: '', contactEmail: '' });
      draft.boxes = [box(1, { series: [{ itemNumber: 'GS 1010', title: 'Building permits', retentionText: '', citation: '' }] })];
    });
    const { flat, words } = await printed(buildNoticePdf(notice, { fingerprint: notice.fingerprint, ...fonts }), 'bare-notice.pdf');
    for (const absent of ['Questions', 'no contact', 'authority', 'Transfer to the archives', 'Destroy securely']) expect(flat, absent).not.toContain(absent);
    expect(tableColumns(words, 'Schedule', ['Box', 'Box id', 'Accession', 'Dates', 'Schedule item', 'Disposition'], startsWith('What'))[4]).toBe('GS 1010 Building permits');
  });

  it('the response gives each box’s answer in words, the signature block printed, and both seals', async () => {
    const notice = noticeOf();
    const response = responseTo(notice);
    const { file, flat, words } = await printed(buildResponsePdf(response, notice, { fingerprint: response.fingerprint, ...fonts }), 'response.pdf');
    const info = runCapturing('pdfinfo', [file]);
    expect(info.stderr).toBe('');
    expect(info.stdout).toMatch(/Title:\s+Response to disposition notice PW-DN-2026-0003/);
    expect(info.stdout).toContain(`${RESPONSE_SEAL_KEYWORD}${response.fingerprint}`);
    expect(flat).toContain('Response to disposition notice PW-DN-2026-0003 from Public Works to City Records Center');
    expect(flat).toContain('Signed by Ana Ruiz, Records Coordinator, on January 15, 2027. 1 box approved, 1 refused, 1 given more time.');
    // The box the response leaves out is said to be not approved.
    expect(flat).toContain('Not answered here, so not approved (nothing happens to it): Council minutes (PW-2026-001-004).');
    expect(tableColumns(words, 'Proposed', ['Box', 'Box id', 'Accession', 'Proposed', 'Answer'], startsWith('Signed'))).toEqual([
      'Oak Street permits Elm Street permits Personnel files',
      'PW-2026-001-001 PW-2026-001-002 PW-2026-001-003',
      'PW-2026-0042, center box 118 PW-2026-0042 PW-2026-0042, center box 120',
      'Destroy Destroy Destroy securely (confidential)',
      'Approved Refused: Open audit of 2019 permits, review on 2028-01-31 More time until 2027-09-01',
    ]);
    expect(flat).toContain('Signed for Public Works Name Ana Ruiz Title Records Coordinator Signature Date January 15, 2027');
    expect(flat).toContain(response.fingerprint);
    expect(flat).toContain(`It answers notice PW-DN-2026-0003, the notice file with this seal: ${notice.fingerprint}`);
    expect(overlapping(words)).toEqual([]);
    expect(outside(words)).toEqual([]);
  });

  it('the certificate says what was done to each box and folder, how, when, the witness and the approval it rests on', async () => {
    const notice = noticeOf();
    const response = responseTo(notice);
    const certificate = certificateFor(notice, response);
    const { file, flat, words } = await printed(buildCertificatePdf(certificate, { fingerprint: certificate.fingerprint, ...fonts }), 'certificate.pdf');
    const info = runCapturing('pdfinfo', [file]);
    expect(info.stderr).toBe('');
    expect(info.stdout).toMatch(/Title:\s+Certificate of destruction and transfer CRC-CD-2027-0001/);
    expect(info.stdout).toContain(`${CERTIFICATE_SEAL_KEYWORD}${certificate.fingerprint}`);
    expect(flat).toContain('Certificate of destruction and transfer Certificate CRC-CD-2027-0001 · City Records Center for Public Works');
    expect(flat).toContain('1 box was destroyed and 1 box was transferred to the archives, as approved in answer to disposition notice PW-DN-2026-0003. Issued February 1, 2027.');
    expect(flat).toContain('Department Public Works (PW)');
    expect(flat).toContain('Notice PW-DN-2026-0003 Approved by Ana Ruiz, Records Coordinator, on January 15, 2027, in the signed response');
    expect(flat).toContain(`It rests on notice PW-DN-2026-0003, the notice file with this seal: ${notice.fingerprint}`);
    expect(flat).toContain(`and on the response signed by Ana Ruiz, the response file with this seal: ${response.fingerprint}`);
    expect(flat).toContain(CERTIFICATE_STATEMENT);
    expect(tableColumns(words, 'Method', ['Box', 'Box id', 'Accession', 'Done', 'Method', 'Date', 'Witness'], startsWith('The'))).toEqual([
      'Oak Street permits Council minutes',
      'PW-2026-001-001 PW-2026-001-004',
      'PW-2026-0042, center box 118 PW-2026-0042, center box 121',
      'Destroyed Transferred to the archives',
      'cross-cut shredding transferred to the State Archives',
      '2027-02-01 2027-02-01',
      'Sam Lee Kim Cho',
    ]);
    expect(tableColumns(words, 'File', ['Box', 'No.', 'Folder title', 'File code', 'Dates'], startsWith('Signatures'))).toEqual([
      'Oak Street permits Oak Street permits Council minutes', '1 2 —', 'Box 1 permits 2018 Box 1 permits 2019 No folders listed', 'BP-OAK BP-OAK', '2018 2019-02 – 2019-11',
    ]);
    expect(flat).toContain('Signatures For the center Signature Date Witness Sam Lee Signature Witness Kim Cho Signature');
    expect(flat).toContain(certificate.fingerprint);
    expect(overlapping(words)).toEqual([]);
    expect(outside(words)).toEqual([]);

    const destroyedOnly = certificateFor(notice, response, (draft) => { draft.boxes = draft.boxes.slice(0, 1); });
    const only = await printed(buildCertificatePdf(destroyedOnly, { fingerprint: destroyedOnly.fingerprint, ...fonts }), 'destroyed.pdf');
    expect(only.flat).toMatch(/^\s*Certificate of destruction Certificate CRC-CD-2027-0001/);
    expect(only.flat).not.toContain('transfer');
  });

  it('runs a notice of 60 boxes onto more pages, each table header repeated', async () => {
    const notice = noticeOf((draft) => { draft.boxes = Array.from({ length: 60 }, (_, index) => box(index + 1)); });
    const { file, text, words } = await printed(buildNoticePdf(notice, { fingerprint: notice.fingerprint, ...fonts }), 'sixty.pdf');
    const pages = pdfPages(file);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.filter((page) => page.includes('Destroy: 60 boxes (continued)')).length).toBeGreaterThan(0);
    expect(pages.filter((page) => page.includes('What is in each box (continued)')).length).toBeGreaterThan(0);
    // Every page a table runs onto starts with its header again.
    for (const [index, page] of pages.entries()) {
      if (page.includes('(continued)')) expect(page, `page ${index + 1}`).toMatch(/\(continued\)\s*\n\s*Box\s+/);
    }
    for (let each = 1; each <= 60; each += 1) expect(text).toContain(`PW-2026-001-${String(each).padStart(3, '0')}`);
    expect(text).toContain(`page ${pages.length} of ${pages.length}`);
    expect(overlapping(words)).toEqual([]);
    expect(outside(words)).toEqual([]);
  });

  /** The same three papers with right-to-left names, emoji, CJK and 3,000-character labels, titles and reasons. */
  function hostilePapers(): Record<string, [() => Promise<Uint8Array>, string[]]> {
    const notice = noticeOf((draft) => {
      draft.department.name = 'Public Works — מחלקת עבודות ציבוריות 🏗';
      draft.boxes[0].boxLabel = 'Permits and inspection reports, northeast quadrant '.repeat(60);
      draft.boxes[0].folders[0].title = 'ארכיון עירייה: תיקי בנייה 👨‍👩‍👧 '.repeat(100);
      draft.boxes[1].folders[1].title = 'أرشيف البلدية 📦 東京都庁';
      draft.boxes[1].boxLabel = 'x'.repeat(3000);
    });
    const response = responseTo(notice, (draft) => {
      draft.department.name = notice.department.name;
      draft.signedBy = { name: 'דנה כהן 🖊', title: 'Records Coordinator '.repeat(30) };
      draft.answers[1].reason = 'Open audit '.repeat(200);
    });
    const certificate = certificateFor(notice, response, (draft) => {
      draft.department.name = notice.department.name;
      draft.boxes[0].method = 'cross-cut shredding to DIN 66399 P-4 '.repeat(40);
      draft.boxes[0].witness = 'سامي لي';
    });
    return {
      notice: [() => buildNoticePdf(notice, { fingerprint: notice.fingerprint, ...fonts }), ['PW-DN-2026-0003', '📦', '東京都庁', '🏗', notice.fingerprint]],
      response: [() => buildResponsePdf(response, notice, { fingerprint: response.fingerprint, ...fonts }), ['PW-2026-001-002', '🖊', response.fingerprint]],
      certificate: [() => buildCertificatePdf(certificate, { fingerprint: certificate.fingerprint, ...fonts }), ['CRC-CD-2027-0001', 'PW-2026-001-004', certificate.fingerprint]],
    };
  }

  it.each(['notice', 'response', 'certificate'])('lays out a %s with right-to-left, emoji and 3,000-character titles: no overlap, nothing off the page', async (paper) => {
    const [build, expected] = hostilePapers()[paper];
    const { file, text, words } = await printed(build(), `hostile-${paper}.pdf`);
    expect(runCapturing('pdfinfo', [file]).stderr).toBe('');
    expect(overlapping(words)).toEqual([]);
    expect(outside(words)).toEqual([]);
    for (const written of expected) expect(text, written).toContain(written);
    expect(text).not.toContain('\uFFFD');
  });
});
