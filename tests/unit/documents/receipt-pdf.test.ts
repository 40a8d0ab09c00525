// The receipt read back by tools no one here wrote: poppler (pdfinfo, pdftotext, pdftoppm) and zbar (zbarimg).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../../electron/exchange/fonts';
import { manifestFingerprint } from '../../../electron/exchange/fingerprint';
import { receiptQrText } from '../../../shared/documents/barcodes';
import type { DocumentFonts } from '../../../shared/documents/pdf-document';
import { buildReceiptPdf } from '../../../shared/documents/receipt-pdf';
import { earliestText, seriesLines } from '../../../shared/documents/receipt-text';
import type { Manifest } from '../../../shared/exchange/manifest';
import { sampleManifest } from './fixtures/sample-manifest';
import { decodeBarcodes, missingTools, pdfPages, pdfWords, run, runCapturing, tempDir } from './fixtures/tools';

const GENERATED_AT = '2026-03-03T09:00:00.000Z';
const PAGE_WIDTH = 612;
const MARGIN = 54;
const temp = tempDir('receipt');
let fonts: DocumentFonts;

beforeAll(async () => {
  fonts = await loadFonts();
});
afterAll(() => temp.remove());

async function receiptFile(manifest: Manifest, name: string): Promise<{ file: string; fingerprint: string }> {
  const fingerprint = manifestFingerprint(manifest);
  const bytes = await buildReceiptPdf(manifest, { fingerprint, ...fonts, generatedAt: GENERATED_AT });
  return { file: temp.write(name, bytes), fingerprint };
}

/** Earliest disposition date per schedule item, worked out here from the folders, not by the receipt's code. */
function earliestByItem(manifest: Manifest): Map<string, string> {
  const earliest = new Map<string, string>();
  for (const folder of manifest.boxes.flatMap((box) => box.folders)) {
    if (!folder.itemNumber || !folder.dispositionDate) continue;
    const current = earliest.get(folder.itemNumber);
    if (!current || folder.dispositionDate < current) earliest.set(folder.itemNumber, folder.dispositionDate);
  }
  return earliest;
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The words of a table row as pdftotext -layout prints it: the line starting with `first` and the wrapped lines
 * under it, up to the blank line. Cells wrap as their columns' content asks, so a test names the words, not the lines.
 */
function rowWords(text: string, first: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trimStart().startsWith(first));
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && line.trim() === '');
  return lines.slice(start, end < 0 ? undefined : end).join(' ').split(/\s+/).filter(Boolean);
}
const words = (text: string) => expect.arrayContaining(text.split(' '));

describe('receipt.pdf', () => {
  it('builds without the tools, as a PDF, even with characters the font lacks', async () => {
    const manifest = sampleManifest();
    const bytes = await buildReceiptPdf(manifest, { fingerprint: manifestFingerprint(manifest), ...fonts, generatedAt: GENERATED_AT });
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    // Same manifest, same moment: the same bytes (no clock, no random ids).
    const again = await buildReceiptPdf(manifest, { fingerprint: manifestFingerprint(manifest), ...fonts, generatedAt: GENERATED_AT });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  describe.skipIf(missingTools('pdfinfo', 'pdftotext').length > 0)('read by poppler', () => {
    const manifest = sampleManifest();
    let file = '';
    let fingerprint = '';
    let pages: string[] = [];
    beforeAll(async () => {
      ({ file, fingerprint } = await receiptFile(manifest, 'receipt.pdf'));
      pages = pdfPages(file);
    });

    it('is a US Letter PDF that pdfinfo reads without complaint', () => {
      const info = runCapturing('pdfinfo', [file]);
      expect(info.status).toBe(0);
      expect(info.stderr).toBe('');
      expect(info.stdout).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
      expect(Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1])).toBe(pages.length);
      expect(info.stdout).toMatch(/Title:\s+Transfer receipt PW-2026-003/);
    });

    it('states this transfer\'s facts in plain words', () => {
      const text = flat(pages.join('\n'));
      for (const fact of [
        'Transfer receipt', 'Transfer PW-2026-003', 'Ærøskøbing Public Works', 'State Records Center', 'Zoë Ångström',
        '200 Archive Way, Capital City, ST 12345', 'legal custody of Ærøskøbing Public Works',
        'Same afternoon if asked by 10 am, otherwise next working day', '90 days',
        'Nothing is destroyed without your written approval', 'never destroyed while the hold lasts', '1 folder is on legal hold',
        'go to the archives', 'Permanent withdrawal', 'only goes back to the records center as part of a new transfer',
        'Temporary loan', 'Review on site', 'Copy or scan on demand', 'Email records@state.example with the transfer number',
        'Lee Park · 555-0199 · records@state.example', 'Ελληνικά personnel files', '3 boxes (3.6 cubic feet)', '25 folders',
        'Created March 1, 2026 · sent March 2, 2026 · printed March 3, 2026', 'Released by: Ærøskøbing Public Works',
        'Received by: State Records Center', fingerprint,
      ]) {
        expect(text, fact).toContain(fact);
      }
    });

    it('keeps its parts in the order a reader needs them', () => {
      const text = flat(pages.join('\n'));
      const order = ['Transfer receipt', 'From', 'Summary', 'Where your records go', 'How to get a box or folder back',
        'When they can be destroyed', 'Who to call', 'Released by', 'SHA-256 fingerprint', 'Box-by-box folder list'];
      const positions = order.map((heading) => text.indexOf(heading));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });

    it('names the boxes already eligible when sent, with the reason given, instead of promising them a notice', () => {
      const text = flat(pages.join('\n'));
      const eligible = manifest.boxes.filter((box) => box.eligibleWhenSent);
      expect(eligible.length).toBeGreaterThan(0);
      for (const box of eligible) expect(text).toContain(`${box.sequence} (${box.label}, eligible since ${box.dispositionDate})`);
      expect(text).toContain('already eligible for destruction when sent. Reason given for sending');
      expect(text).toContain('The permits are evidence in an appeal that is still open. State Records Center asks');
      const notice = text.includes('written notice 90 days before any other box reaches its date');
      expect(notice).toBe(eligible.length < manifest.boxes.length);
    });

    it('gives each series its earliest disposition date', () => {
      const disposal = pages.slice(0, 3).join('\n');
      const earliest = earliestByItem(manifest);
      expect(earliest.size).toBeGreaterThanOrEqual(2);
      for (const [item, date] of earliest) {
        const row = disposal.split('\n').find((line) => line.trimStart().startsWith(item));
        expect(row, item).toContain(date);
      }
      expect(rowWords(disposal, 'GS 2020')).toEqual(words('GS 2020 Council minutes Permanent Not stated Never'));
      // The disposition authority is the schedule's citation, as written.
      expect(rowWords(disposal, 'GS 1010')).toEqual(words('GS 1010 Building permits CY+3 after final RCW 40.14'));
    });

    it('carries what a records center expects: restrictions, the releasing official, and a receiving side to fill in', () => {
      const text = flat(pages.join('\n'));
      expect(text).toContain('Access restrictions Personnel files: open only to the HR director');
      expect(text).toMatch(/folders? (is|are) marked confidential/);
      // The official's name and title are printed on the Released by side; the center's side is left to fill in.
      expect(text).toMatch(/Name Mads Holm/);
      expect(text).toMatch(/Title Director of Public Works/);
      expect(text).toContain('Received by the records center');
      expect(text).toContain(`Boxes received (of ${manifest.transfer.totals.boxes} listed)`);
      expect(text).toContain('Condition on arrival');
      expect(text).toContain('Discrepancies noted');
      expect(text).toContain('Accession number');
      // The loss and damage clause is the center's own.
      expect(text).toContain(`If a box is lost or damaged in the center’s care: ${manifest.recordsCenter.lossPolicy}`);
    });

    it('says who reports the event an event-based series waits for, and how', () => {
      const text = flat(pages.join('\n'));
      expect(text).toContain('GS 3030 Ελληνικά personnel files (6 years after separation): the clock starts when employee separated.');
      expect(text).toContain('Ærøskøbing Public Works reports that date: it records it as the folder’s event date in its catalog and sends State Records Center the amendments file.');
      // A series that does not wait for an event gets no such sentence.
      expect(text).not.toContain('GS 1010 Building permits (CY+3 after final inspection): the clock starts');
    });

    it('states no restriction it was not given', async () => {
      const plain = sampleManifest();
      plain.transfer.accessRestrictions = '';
      for (const box of plain.boxes) for (const folder of box.folders) folder.confidential = false;
      plain.department.officialName = '';
      plain.department.officialTitle = '';
      const text = flat(pdfPages((await receiptFile(plain, 'plain.pdf')).file).join('\n'));
      expect(text).toContain('Access restrictions None stated.');
      expect(text).not.toContain('Mads Holm');
    });

    it('prints "Superseded + 2 years" with its two years', async () => {
      const superseded = sampleManifest();
      superseded.scheduleItems[0].rule = { kind: 'until-superseded', yearsAfter: 2 };
      superseded.scheduleItems[0].retentionText = 'Superseded + 2 years';
      for (const box of superseded.boxes) for (const folder of box.folders) if (folder.itemNumber === 'GS 1010') folder.dispositionDate = null;
      const printed = pdfPages((await receiptFile(superseded, 'superseded.pdf')).file).slice(0, 4).join('\n');
      const text = flat(printed);
      // The table cell may wrap; its words are the rule's, with the years.
      expect(earliestText(seriesLines(superseded)[0])).toBe('2 years after superseded');
      expect(rowWords(printed, 'GS 1010')).toEqual(words('GS 1010 Building permits Superseded + 2 years RCW 40.14 2 years after superseded'));
      expect(text).toContain('the clock starts when superseded.');
    });

    it('numbers every page "page X of Y" next to the short fingerprint', () => {
      expect(pages.length).toBeGreaterThan(2);
      pages.forEach((page, index) => {
        expect(page).toContain(`Transfer PW-2026-003 · page ${index + 1} of ${pages.length}`);
        expect(page).toContain(`Fingerprint ${fingerprint.slice(0, 16)}`);
      });
    });

    it('prints every name in its own script (Chinese, Japanese and Korean too)', () => {
      const text = pages.join('\n');
      expect(text).toContain('Zoë Ångström building permit');
      expect(text).toContain('Ærøskøbing harbour permits');
      expect(text).toContain('Ελληνικά: Greek community centre');
      expect(text).toContain('東京 sister-city exchange permits');
      expect(text).toContain('BP-東京');
      // Every character has a font: nothing was replaced, so there is nothing to explain.
      expect(text).not.toContain('\uFFFD');
      expect(text).not.toContain('About this printout');
    });

    it('keeps every word inside the margins (long titles wrap) and the body at 10 pt or more', () => {
      const words = pdfWords(file);
      expect(words.length).toBeGreaterThan(500);
      const outside = words.filter((word) => word.xMin < MARGIN - 0.5 || word.xMax > PAGE_WIDTH - MARGIN + 0.5);
      expect(outside).toEqual([]);
      expect(words.filter((word) => word.text === 'resurfacing,')).toHaveLength(1);
      const custody = words.find((word) => word.text === 'custody');
      expect(custody!.yMax - custody!.yMin).toBeGreaterThanOrEqual(10);
    });
  });

  it.skipIf(missingTools('pdftotext').length > 0)('repeats the table header on every page a box list spans', async () => {
    const manifest = sampleManifest({ boxes: 4, foldersPerBox: 90 });
    const { file } = await receiptFile(manifest, 'long.pdf');
    const pages = pdfPages(file);
    const start = pages.findIndex((page) => page.includes('Box-by-box folder list'));
    const listPages = pages.slice(start);
    expect(listPages.length).toBeGreaterThan(4);
    for (const page of listPages) expect(page).toMatch(/No\.\s+Title as written\s+File code\s+Dates\s+Item/);
    expect(listPages.filter((page) => page.includes('Box 3 of 4 · PW-2026-003-003 (continued)')).length).toBeGreaterThanOrEqual(1);
    // Every folder of box 3 is listed once, in order, across its pages.
    const list = listPages.join('\n');
    const numbers = list.slice(list.indexOf('Box 3 of 4'), list.indexOf('Box 4 of 4')).match(/^\s*(\d+)\s+Permit file 3-/gm);
    expect(numbers?.map((line) => Number(line.trim().split(/\s+/)[0]))).toEqual(Array.from({ length: 90 }, (_, index) => index + 1));
  });

  it.skipIf(missingTools('pdftotext').length > 0)('says DRAFT on a transfer that is not sent', async () => {
    const { file } = await receiptFile(sampleManifest({ sentAt: null }), 'draft.pdf');
    const text = flat(pdfPages(file).join('\n'));
    expect(text).toContain('DRAFT: this transfer has not been sent');
    expect(text).toContain('not sent yet');
  });

  it.skipIf(missingTools('pdftotext', 'pdftoppm', 'zbarimg').length > 0)('carries a QR code that zbarimg decodes to the transfer number and fingerprint', async () => {
    const manifest = sampleManifest();
    const { file, fingerprint } = await receiptFile(manifest, 'qr.pdf');
    // Only the page that carries it is rendered: 200 dpi renders of every page would slow the suite for nothing.
    const page = pdfPages(file).findIndex((text) => text.includes('SHA-256 fingerprint')) + 1;
    expect(page).toBeGreaterThan(0);
    run('pdftoppm', ['-r', '200', '-png', '-singlefile', '-f', String(page), '-l', String(page), file, `${temp.path}/qr-page`]);
    const decoded = decodeBarcodes(`${temp.path}/qr-page.png`);
    expect(decoded).toEqual([`transmittal:transfer=PW-2026-003;sha256=${fingerprint}`]);
    expect(receiptQrText('PW-2026-003', fingerprint)).toBe(decoded[0]);
  });
});
