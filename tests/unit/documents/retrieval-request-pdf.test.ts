// The one-page retrieval request, read back by poppler and zbar: who asks whom for what, the dates the request
// holds (and no others), every fact the center needs per item, the legal-hold note, the seal and the file it
// matches; a request number that scans; hostile titles neither break the layout nor push words off the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../../electron/exchange/fonts';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import type { DocumentFonts } from '../../../shared/documents/pdf-document';
import { buildRetrievalRequestPdf } from '../../../shared/documents/retrieval-request-pdf';
import { RETRIEVAL_REQUEST_FORMAT, retrievalRequestSchema, type RetrievalRequest, type RetrievalRequestItem } from '../../../shared/exchange/retrieval';
import { decodeBarcodes, missingTools, pdfPages, pdfWords, run, runCapturing, tempDir, type PdfWord } from './fixtures/tools';
import { MARGIN, outside, overlapping } from './fixtures/layout';


const folderItem: RetrievalRequestItem = {
  transferNumber: 'PW-2026-001', manifestFingerprint: 'a'.repeat(64), accessionNumber: 'PW-2026-0042', boxSequence: 3, boxId: 'PW-2026-001-003',
  boxLabel: 'Oak Street permits 2018', centerBoxNumber: '118', location: 'Building A / Row 3 / Bay 2 / Shelf 4 / Position 1',
  folder: { position: 2, title: 'Elm Street permits 2019', fileCode: 'BP-ELM-19' }, legalHold: false,
};

function sealed(change: (request: Omit<RetrievalRequest, 'fingerprint'>) => void = () => {}): RetrievalRequest {
  const request: Omit<RetrievalRequest, 'fingerprint'> = {
    format: RETRIEVAL_REQUEST_FORMAT,
    request: {
      number: 'PW-RQ-2026-0007', createdAt: '2026-12-07T10:00:00.000Z', service: 'folder-loan', urgency: 'urgent', neededBy: '2026-12-08',
      dueBy: '2026-12-09', requestedBy: 'Ana Ruiz', neededFor: 'the permits clerk', deliverTo: 'Room 12, City Hall', note: 'Call before delivering.',
    },
    department: { name: 'Public Works', code: 'PW', contactName: 'Ana Ruiz', contactPhone: '555-0100', contactEmail: 'ana@city.example' },
    recordsCenter: { name: 'City Records Center' },
    items: [structuredClone(folderItem)],
  };
  change(request);
  return retrievalRequestSchema.parse({ ...request, fingerprint: sealFingerprint(request) });
}

const temp = tempDir('retrieval-request');
let fonts: DocumentFonts;
beforeAll(async () => {
  fonts = await loadFonts();
});
afterAll(() => temp.remove());

async function printed(request: RetrievalRequest, name: string): Promise<{ file: string; text: string; flat: string }> {
  const file = temp.write(name, await buildRetrievalRequestPdf(request, { fingerprint: request.fingerprint, ...fonts }));
  const text = pdfPages(file).join('\n');
  return { file, text, flat: text.replace(/\s+/g, ' ') };
}

/**
 * The item table read column by column: each column's words (found under its header, between the header and the
 * first line after the table) in reading order, so a cell reads as one phrase however it wrapped.
 */
function tableColumns(words: PdfWord[], headers: string[], endsAt: (word: PdfWord) => boolean): string[] {
  const folder = words.find((word) => word.page === 1 && word.text === 'Folder')!;
  const headerLine = words.filter((word) => word.page === 1 && Math.abs(word.yMin - folder.yMin) < 1).sort((a, b) => a.xMin - b.xMin);
  const starts: number[] = [];
  let from = 0;
  for (const header of headers) {
    const index = headerLine.findIndex((word, at) => at >= from && word.text === header.split(' ')[0]);
    starts.push(headerLine[index].xMin - 2);
    from = index + 1;
  }
  const end = Math.min(...words.filter((word) => word.page === 1 && word.yMin > folder.yMax && endsAt(word)).map((word) => word.yMin));
  const body = words.filter((word) => word.page === 1 && word.yMin > folder.yMax + 1 && word.yMax < end)
    .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
  return starts.map((start, index) => body
    .filter((word) => word.xMin >= start && (index === starts.length - 1 || word.xMin < starts[index + 1]))
    .map((word) => word.text).join(' '));
}

describe.skipIf(missingTools('pdftotext', 'pdfinfo').length > 0)('the retrieval request PDF, read by poppler', () => {
  it('says who asks whom for what, by when, for whom, where to deliver, and quotes everything the center needs', async () => {
    const request = sealed();
    const { file, flat } = await printed(request, 'request.pdf');
    const info = runCapturing('pdfinfo', [file]);
    expect(info.stderr).toBe('');
    expect(info.stdout).toMatch(/Pages:\s+1\n/);
    expect(info.stdout).toMatch(/Title:\s+Retrieval request PW-RQ-2026-0007/);
    expect(info.stdout).toContain(`transmittal-retrieval-request-sha256:${request.fingerprint}`);

    expect(flat).toContain('Request PW-RQ-2026-0007 from Public Works to City Records Center');
    expect(flat).toContain('Public Works asks City Records Center for one folder returned on loan, urgently.');
    expect(flat).toContain('It is needed by 2026-12-08. It is due by 2026-12-09 by the center’s stated turnaround.');
    expect(flat).toContain('Service One folder returned on loan');
    expect(flat).toContain('Urgency Urgent');
    expect(flat).toContain('Asked by Ana Ruiz, December 7, 2026');
    expect(flat).toContain('Contact Ana Ruiz · 555-0100 · ana@city.example');
    expect(flat).toContain('For the permits clerk');
    expect(flat).toContain('Deliver to Room 12, City Hall');
    expect(flat).toContain('Needed by 2026-12-08');
    expect(flat).toContain('Due by 2026-12-09 by the center’s stated turnaround');
    expect(flat).toContain('Note Call before delivering.');
    // The item reads across its columns as the center quotes it: label and transfer, box id, where it is shelved, the folder.
    const words = pdfWords(file);
    expect(tableColumns(words, ['Box', 'Box id', 'At the center', 'Folder'], (word) => word.text === 'Seal')).toEqual([
      '3. Oak Street permits 2018 (transfer PW-2026-001)',
      'PW-2026-001-003',
      'Accession PW-2026-0042, center box 118, at Building A / Row 3 / Bay 2 / Shelf 4 / Position 1',
      '2. Elm Street permits 2019 (file code BP-ELM-19)',
    ]);
    expect(flat).not.toContain('legal hold');
    expect(flat).toContain(`matches PW-RQ-2026-0007-retrieval-request.json`);
    expect(flat).toContain(request.fingerprint);
    // The footer: the request, the page, and the file its seal matches (on a second line when it must), beside the seal's start.
    expect(flat).toMatch(new RegExp(`Request PW-RQ-2026-0007 · page 1 of 1 · seal matches (${request.fingerprint.slice(0, 16)}… )?PW-RQ-2026-0007-retrieval-request\\.json`));
    expect(flat).toContain(`${request.fingerprint.slice(0, 16)}…`);
    expect(overlapping(words)).toEqual([]);
    expect(outside(words)).toEqual([]);
  });

  it('prints only what the request holds: no turnaround, needed-by date, recipient or note it does not have', async () => {
    const request = sealed((draft) => {
      Object.assign(draft.request, { service: 'box-loan', urgency: 'routine', neededBy: null, dueBy: null, neededFor: '', deliverTo: '', note: '' });
      Object.assign(draft.department, { contactName: '', contactPhone: '', contactEmail: '' });
      draft.items = [{ ...structuredClone(folderItem), folder: null, accessionNumber: null, centerBoxNumber: null, location: null }];
    });
    const { file, flat } = await printed(request, 'bare.pdf');
    expect(flat).toContain('Public Works asks City Records Center for the whole box returned on loan.');
    expect(flat).toContain('Urgency Routine');
    for (const absent of ['turnaround', 'Due by', 'Needed by', 'needed by', 'Deliver to', 'For ', 'Note ', 'Contact', 'no contact', 'urgently']) {
      expect(flat, absent).not.toContain(absent);
    }
    expect(tableColumns(pdfWords(file), ['Box', 'Box id', 'At the center', 'Folder'], (word) => word.text === 'Seal')).toEqual([
      '3. Oak Street permits 2018 (transfer PW-2026-001)', 'PW-2026-001-003', 'No accession number yet, shelf not known', 'The whole box',
    ]);
  });

  it('tells the center which items are on legal hold, and that a hold does not stop the retrieval', async () => {
    const request = sealed((draft) => {
      draft.request.service = 'copy';
      draft.items = [
        { ...structuredClone(folderItem), legalHold: true },
        { ...structuredClone(folderItem), boxSequence: 4, boxId: 'PW-2026-001-004', boxLabel: 'Pine Street permits', folder: null, centerBoxNumber: '119' },
      ];
    });
    const { file, flat } = await printed(request, 'hold.pdf');
    expect(flat).toContain('for a copy or scan (2 items)');
    expect(flat).toContain('What to pull (2 items)');
    const columns = tableColumns(pdfWords(file), ['Box', 'Box id', 'At the center', 'Folder', 'Hold'], (word) => word.text === 'On' && word.xMin < MARGIN + 1);
    expect(columns[1]).toBe('PW-2026-001-003 PW-2026-001-004');
    expect(columns[3]).toBe('2. Elm Street permits 2019 (file code BP-ELM-19) The whole box');
    expect(columns[4]).toBe('On legal hold —');
    expect(flat).toContain('On legal hold: the center is told; a hold does not stop a retrieval. On hold here: folder 2 in box PW-2026-001-003.');
    expect(flat).toContain('PW-2026-001-004');
  });

  it('keeps many items on more pages, the table header repeated', async () => {
    const request = sealed((draft) => {
      draft.request.service = 'withdrawal';
      draft.items = Array.from({ length: 60 }, (_, index) => ({
        ...structuredClone(folderItem), folder: null, boxSequence: index + 1, boxId: `PW-2026-001-${String(index + 1).padStart(3, '0')}`,
      }));
    });
    const { file, text } = await printed(request, 'many.pdf');
    const pages = pdfPages(file);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]).toContain('What to pull (continued)');
    for (let box = 1; box <= 60; box += 1) expect(text).toContain(`PW-2026-001-${String(box).padStart(3, '0')}`);
    expect(text).toContain(`page ${pages.length} of ${pages.length}`);
  });

  const hostile: [string, (draft: Omit<RetrievalRequest, 'fingerprint'>) => void][] = [
    ['right to left, emoji, CJK and 3,000-character titles', (draft) => {
      draft.department.name = 'Public Works — מחלקת עבודות ציבוריות 🏗';
      draft.request.neededFor = 'أمين السجلات 📦 東京都庁';
      draft.request.note = 'Correspondence about the harbour resurfacing project '.repeat(40);
      draft.items = [
        { ...structuredClone(folderItem), folder: { position: 2, title: 'ארכיון עירייה: תיקי בנייה 👨‍👩‍👧 '.repeat(100), fileCode: 'FC-2019-ÆØÅ-000123-ABCDEFGHIJ' } },
        { ...structuredClone(folderItem), boxSequence: 4, boxId: 'PW-2026-001-004', boxLabel: 'Permits and inspection reports, northeast quadrant '.repeat(60),
          folder: { position: 9, title: 'أرشيف البلدية', fileCode: '' } },
      ];
    }],
    ['a 3,000-character label with no space to break at', (draft) => {
      draft.items = [structuredClone(folderItem), { ...structuredClone(folderItem), boxSequence: 4, boxId: 'PW-2026-001-004', boxLabel: 'x'.repeat(3000) }];
    }],
  ];

  it.each(hostile)('lays out %s with no two words overlapping and nothing off the page', async (name, change) => {
    const request = sealed(change);
    const { file, text } = await printed(request, `${name.replace(/\W+/g, '-')}.pdf`);
    expect(runCapturing('pdfinfo', [file]).stderr).toBe('');
    const words = pdfWords(file);
    expect(overlapping(words)).toEqual([]);
    expect(outside(words)).toEqual([]);
    for (const code of ['PW-RQ-2026-0007', 'PW-2026-001-003', 'PW-2026-001-004', request.fingerprint]) expect(text, code).toContain(code);
    if (name.startsWith('right')) for (const written of ['FC-2019-ÆØÅ-000123-ABCDEFGHIJ', '📦', '東京都庁', '🏗']) expect(text, written).toContain(written);
    expect(text).not.toContain('\uFFFD');
  });
});

describe.skipIf(missingTools('pdftoppm', 'zbarimg').length > 0)('the request number bar code', () => {
  it('scans as the request number (zbarimg on a 200 dpi render)', async () => {
    const { file } = await printed(sealed(), 'scan.pdf');
    const png = `${temp.path}/scan`;
    run('pdftoppm', ['-r', '200', '-png', '-singlefile', '-f', '1', '-l', '1', file, png]);
    expect(decodeBarcodes(`${png}.png`)).toEqual(['PW-RQ-2026-0007']);
  });

  it('is left out for a number no scanner could read, which is still printed in words', async () => {
    const request = sealed((draft) => { draft.request.number = 'ОТДЕЛ-2026-7'; });
    const { file, flat } = await printed(request, 'no-bars.pdf');
    const png = `${temp.path}/no-bars`;
    run('pdftoppm', ['-r', '200', '-png', '-singlefile', '-f', '1', '-l', '1', file, png]);
    expect(decodeBarcodes(`${png}.png`)).toEqual([]);
    expect(flat).toContain('Request ОТДЕЛ-2026-7 from Public Works');
  });
});
