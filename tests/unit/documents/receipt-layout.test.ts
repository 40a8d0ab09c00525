// The receipt reads cleanly whatever a catalog holds, as poppler (pdftotext -bbox) reads it back: no two words
// overlap, no word leaves the margins, codes are never broken across lines, no heading ends a page apart from what
// it introduces, a draft says DRAFT on every page, and Chinese, Japanese, Korean, emoji, Hebrew and Arabic print
// as written. Each catalog below attacks one of these; the last one does it all at once.
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../../electron/exchange/fonts';
import type { DocumentFonts } from '../../../shared/documents/pdf-document';
import { buildReceiptPdf } from '../../../shared/documents/receipt-pdf';
import type { Manifest } from '../../../shared/exchange/manifest';
import { sampleManifest } from './fixtures/sample-manifest';
import { missingTools, pdfBlocks, pdfPages, pdfWords, tempDir, type PdfWord } from './fixtures/tools';

const PAGE: [number, number] = [612, 792];
const MARGIN = 54;
/** Word boxes may touch (poppler rounds), not overlap by more than this, in points, both ways. */
const TOLERANCE = 0.5;

const repeat = (text: string, length: number) => text.repeat(Math.ceil(length / text.length)).slice(0, length);

const HEBREW_TITLE = 'ארכיון עירייה: תיקי בנייה (2019) ברחוב הרצל 12';
const ARABIC_TITLE = 'أرشيف البلدية: ملفات البناء ٢٠١٩ شارع الملك';
const CJK_TITLE = '東京都庁 建築許可 서울특별시 건축 허가 ひらがなカタカナ';
const EMOJI = ['📦', '🗂', '👍', '👨‍👩‍👧'];

/** A schedule item renumbered everywhere the manifest names it. */
function renameItem(manifest: Manifest, from: string, to: string): void {
  for (const item of manifest.scheduleItems) if (item.itemNumber === from) item.itemNumber = to;
  for (const box of manifest.boxes) {
    box.itemNumbers = box.itemNumbers.map((number) => (number === from ? to : number));
    for (const folder of box.folders) if (folder.itemNumber === from) folder.itemNumber = to;
  }
}

function longNames(manifest: Manifest): void {
  manifest.department.name = 'Department of Public Works, Transportation, Engineering, Capital Projects and Infrastructure ' +
    'Maintenance of the Consolidated City and County';
  // Printed as the label of a "Who to call" row, it once ran over the contact's name beside it.
  manifest.recordsCenter.name = 'Consolidated Municipal, County and Regional Intergovernmental Records Management and ' +
    'Archival Storage Center of the Greater Metropolitan Area';
  manifest.department.contactName = 'Maximiliana Alexandrovna Konstantinopoulou-Vanderbilt';
  manifest.recordsCenter.contactName = 'Bartholomew Zacharias Featherstonehaugh-Cholmondeley III';
  manifest.recordsCenter.contactEmail = 'records.management.and.archival.storage.services@consolidated-municipal-records.example.gov';
  manifest.recordsCenter.address = 'Building 7, Intergovernmental Records and Archival Storage Campus, 12000 Northeast Industrial ' +
    'Parkway Extension\nUnincorporated Metropolitan Service District, ST 12345-6789';
  manifest.boxes[0].label = repeat('Permits and inspection reports, northeast quadrant ', 180);
  manifest.boxes[0].folders[5].legalHoldReason = repeat('Litigation hold ordered by the County Attorney ', 200);
  manifest.scheduleItems[0].title = repeat('Building, electrical, plumbing and mechanical permits ', 160);
  manifest.scheduleItems[0].retentionText = repeat('Retain 3 years after final inspection or expiration ', 150);
  manifest.scheduleItems[0].citation = repeat('Local Government Common Records Retention Schedule ', 120);
}

function longCodes(manifest: Manifest): void {
  manifest.transfer.number = 'PUBLICWORKS-ENGINEERING-2026-000123';
  for (const box of manifest.boxes) box.boxId = `${manifest.transfer.number}-${String(box.sequence).padStart(3, '0')}`;
  renameItem(manifest, 'GS 1010', 'GRS 5.2 item 020');
  renameItem(manifest, 'GS 3030', 'LGS 2023-01 rev. 4');
  manifest.boxes[0].folders.forEach((folder, index) => { folder.fileCode = `FC-2019-ÆØÅ-${String(index).padStart(6, '0')}-ABCDEFGHIJ`; });
  manifest.boxes[1].folders[0].fileCode = 'PERMIT 2019 000123 A';
}

function cjkAndEmoji(manifest: Manifest): void {
  manifest.department.name = '東京都 建設局 · 서울특별시 도시계획국';
  manifest.department.contactName = '山田 太郎 (やまだ たろう) 📞';
  manifest.boxes[0].label = '建築許可 2019 📦';
  manifest.boxes[0].folders[0].title = `${CJK_TITLE} ${EMOJI.join(' ')}`;
  manifest.boxes[0].folders[1].fileCode = '建築-2019-001';
  manifest.scheduleItems[0].title = '建築許可 (Building permits) 🏗';
}

function rightToLeft(manifest: Manifest): void {
  manifest.department.name = 'Public Works — מחלקת עבודות ציבוריות';
  manifest.recordsCenter.contactName = 'דוד לוי';
  manifest.boxes[0].folders[0].title = HEBREW_TITLE;
  manifest.boxes[0].folders[1].title = ARABIC_TITLE;
  manifest.boxes[1].label = 'ארכיון 2019 (קומה 3)';
  manifest.scheduleItems[1].title = 'محاضر المجلس Council minutes';
}

function hugeTitles(manifest: Manifest): void {
  manifest.boxes[0].folders[2].title = repeat('Correspondence about the harbour resurfacing project ', 5000);
  manifest.boxes[0].folders[3].title = repeat('x', 5000);
  manifest.boxes[1].folders[0].title = repeat('東京都庁建築許可申請書類', 5000);
  manifest.boxes[1].folders[1].title = repeat('ملفات البناء شارع ', 5000);
}

const CATALOGS: [string, (manifest: Manifest) => void][] = [
  ['long names', longNames],
  ['long codes', longCodes],
  ['Chinese, Japanese, Korean and emoji', cjkAndEmoji],
  ['Hebrew and Arabic', rightToLeft],
  ['5,000-character titles', hugeTitles],
  ['all of them, as a draft', (manifest) => {
    for (const change of [longNames, longCodes, cjkAndEmoji, rightToLeft, hugeTitles]) change(manifest);
    manifest.transfer.sentAt = null;
  }],
];

function byPage(words: PdfWord[]): PdfWord[][] {
  const pages = new Map<number, PdfWord[]>();
  for (const word of words) pages.set(word.page, [...(pages.get(word.page) ?? []), word]);
  return [...pages.values()];
}

/** Pairs of words on one page whose boxes overlap by more than the tolerance both ways. */
function overlapping(words: PdfWord[]): [PdfWord, PdfWord][] {
  const found: [PdfWord, PdfWord][] = [];
  for (const pageWords of byPage(words)) {
    const sorted = [...pageWords].sort((a, b) => a.xMin - b.xMin);
    for (let i = 0; i < sorted.length; i += 1) {
      for (let j = i + 1; j < sorted.length && sorted[j].xMin < sorted[i].xMax - TOLERANCE; j += 1) {
        const across = Math.min(sorted[i].xMax, sorted[j].xMax) - Math.max(sorted[i].xMin, sorted[j].xMin);
        const down = Math.min(sorted[i].yMax, sorted[j].yMax) - Math.max(sorted[i].yMin, sorted[j].yMin);
        if (across > TOLERANCE && down > TOLERANCE) found.push([sorted[i], sorted[j]]);
      }
    }
  }
  return found;
}

/** The codes a reader quotes back: transfer number, box ids, item numbers and file codes. */
function codesOf(manifest: Manifest): string[] {
  const codes = [
    manifest.transfer.number,
    ...manifest.boxes.map((box) => box.boxId),
    ...manifest.scheduleItems.map((item) => item.itemNumber),
    ...manifest.boxes.flatMap((box) => box.folders.map((folder) => folder.fileCode)),
  ];
  // The hostile sample codes made of spreadsheet formulas and control characters are not codes a reader quotes.
  return [...new Set(codes)].filter((code) => /^[\p{L}\p{N}][\p{L}\p{N} .\-]*[\p{L}\p{N}.]$/u.test(code));
}

const occurrences = (text: string, code: string) => text.split(code).length - 1;

/** Codes found across a line break in some block (its lines joined) more often than within its lines. */
function brokenCodes(file: string, codes: string[]): string[] {
  const broken = new Set<string>();
  for (const block of pdfBlocks(file)) {
    const lines = block.lines.map((words) => words.join(' '));
    for (const code of codes) {
      const whole = lines.reduce((sum, line) => sum + occurrences(line, code), 0);
      if (Math.max(occurrences(lines.join(''), code), occurrences(lines.join(' '), code)) > whole) broken.add(code);
    }
  }
  return [...broken];
}

const HEADING = /^(Summary|Where your records go|How to get a box or folder back|When they can be destroyed|Who to call|Signatures|Received by the records center|Fingerprint|Box-by-box folder list|About this printout|Box \d+ of \d+ · .*|Label: .*|No\. Title as written.*|Item Series.*)$/;

/** The last line of each page's body (above the footer), as its words read left to right. */
function lastLines(words: PdfWord[]): string[] {
  const footerTop = PAGE[1] - MARGIN + 6;
  return byPage(words.filter((word) => word.yMax < footerTop)).map((pageWords) => {
    const bottom = Math.max(...pageWords.map((word) => word.yMin));
    return pageWords.filter((word) => word.yMin > bottom - 2).sort((a, b) => a.xMin - b.xMin).map((word) => word.text).join(' ');
  });
}

/** Hebrew and Arabic letters (not Arabic-Indic digits, which run left to right inside them). */
const RTL_LETTER = /[\u05d0-\u05ea\u0620-\u064a]/;
/** A word as pdftotext -bbox gives it (characters left to right, as drawn) in reading order. */
const logical = (word: string) => (RTL_LETTER.test(word) ? [...word].reverse().join('') : word);
const bidiMarks = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const temp = tempDir('receipt-layout');
let fonts: DocumentFonts;

beforeAll(async () => {
  fonts = await loadFonts();
});
afterAll(() => temp.remove());

async function receipt(manifest: Manifest, name: string): Promise<{ file: string; bytes: Uint8Array }> {
  const bytes = await buildReceiptPdf(manifest, { fingerprint: 'f'.repeat(64), ...fonts, generatedAt: '2026-03-03T09:00:00.000Z' });
  return { file: temp.write(name, bytes), bytes };
}

describe.skipIf(missingTools('pdftotext').length > 0)('a receipt from a hostile catalog, read by poppler', () => {
  describe.each(CATALOGS)('with %s', (name, change) => {
    const manifest = sampleManifest({ boxes: 4, foldersPerBox: 12 });
    change(manifest);
    let file = '';
    let words: PdfWord[] = [];
    beforeAll(async () => {
      ({ file } = await receipt(manifest, `${name.replace(/\W+/g, '-')}.pdf`));
      words = pdfWords(file);
    });

    it('has no two words overlapping, and none outside the margins', () => {
      expect(words.length).toBeGreaterThan(300);
      expect(overlapping(words).map(([a, b]) => `page ${a.page}: "${a.text}" overlaps "${b.text}"`)).toEqual([]);
      const outside = words.filter((word) => word.xMin < MARGIN - TOLERANCE || word.xMax > PAGE[0] - MARGIN + TOLERANCE ||
        word.yMin < 0 || word.yMax > PAGE[1]);
      expect(outside.map((word) => `page ${word.page}: ${word.text}`)).toEqual([]);
    });

    it('breaks no code across lines, and prints each whole', () => {
      const codes = codesOf(manifest);
      expect(codes.length).toBeGreaterThan(5);
      expect(brokenCodes(file, codes)).toEqual([]);
      const text = pdfPages(file).join('\n');
      for (const code of codes) expect(text, code).toContain(code);
    });

    it('ends no page with a heading, a box title or a table header', () => {
      expect(lastLines(words).filter((line) => HEADING.test(line))).toEqual([]);
    });

    it('says DRAFT on every page of a draft, and on none of a sent transfer', () => {
      const pages = pdfPages(file);
      const marked = pages.filter((page) => page.includes('DRAFT'));
      expect(marked.length).toBe(manifest.transfer.sentAt ? 0 : pages.length);
    });
  });

  it('prints Chinese, Japanese, Korean and emoji as written, and they copy back out', async () => {
    const manifest = sampleManifest();
    cjkAndEmoji(manifest);
    const text = pdfPages((await receipt(manifest, 'cjk.pdf')).file).join('\n');
    for (const written of [...CJK_TITLE.split(' '), ...EMOJI, '東京都 建設局', '山田 太郎', '建築-2019-001', '建築許可 (Building permits) 🏗']) {
      expect(text, written).toContain(written);
    }
    expect(text).not.toContain('\uFFFD');
  });

  it('marks a character no font has, and says why at the end', async () => {
    const manifest = sampleManifest();
    manifest.boxes[0].folders[0].title = 'नगर निगम permit';
    const text = pdfPages((await receipt(manifest, 'missing.pdf')).file).join('\n');
    expect(text).toContain('\uFFFD permit');
    expect(text).toContain('About this printout');
  });

  it('prints Hebrew and Arabic right to left: each word reads back as written', async () => {
    const manifest = sampleManifest();
    rightToLeft(manifest);
    const { file } = await receipt(manifest, 'rtl.pdf');
    const printed = new Set(pdfWords(file).map((word) => logical(word.text.replace(bidiMarks, ''))));
    const written = [HEBREW_TITLE, ARABIC_TITLE, 'מחלקת עבודות ציבוריות', 'דוד לוי', 'محاضر المجلس']
      .flatMap((text) => text.split(/\s+/)).map((word) => word.replace(/[():,]/g, '')).filter((word) => /[\u0590-\u06ff]/.test(word));
    expect(written.length).toBeGreaterThan(12);
    expect(written.filter((word) => !printed.has(word) && ![...printed].some((each) => each.includes(word)))).toEqual([]);
  });

  it('prints every character of a 5,000-character title with no spaces, across pages', async () => {
    const manifest = sampleManifest();
    hugeTitles(manifest);
    const { file } = await receipt(manifest, 'huge.pdf');
    const xs = pdfWords(file).filter((word) => /^x+$/.test(word.text));
    expect(xs.reduce((sum, word) => sum + word.text.length, 0)).toBe(5000);
    expect(new Set(xs.map((word) => word.page)).size).toBeGreaterThan(1);
  });

  it('keeps every heading with what follows it, wherever the page breaks fall', async () => {
    // Notes of 0 to 11 lines move everything after the Summary down a line at a time, so each heading meets the
    // bottom of a page in some of these receipts.
    for (let lines = 0; lines < 12; lines += 1) {
      const manifest = sampleManifest({ boxes: 3, foldersPerBox: 8 });
      manifest.transfer.notes = Array.from({ length: lines }, (_, line) => `Note line ${line + 1}.`).join('\n');
      const { file } = await receipt(manifest, `shift-${lines}.pdf`);
      const words = pdfWords(file);
      expect(lastLines(words).filter((line) => HEADING.test(line)), `${lines} lines of notes`).toEqual([]);
      expect(overlapping(words), `${lines} lines of notes`).toEqual([]);
    }
  });
});

describe('a 600-folder receipt', () => {
  it('stays short and small: titles take the room of empty columns, fonts carry only the glyphs used', async () => {
    const manifest = sampleManifest({ boxes: 26, foldersPerBox: 25 });
    for (const box of manifest.boxes) {
      for (const folder of box.folders) {
        Object.assign(folder, { fileCode: '', beginDate: '', endDate: '' });
        folder.title = `Building permit ${folder.position}, ${100 + folder.position} Oak Street: plans, inspection reports and certificate of occupancy`;
      }
    }
    cjkAndEmoji(manifest);
    rightToLeft(manifest);
    const { bytes } = await receipt(manifest, 'six-hundred.pdf');
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(manifest.boxes.reduce((sum, box) => sum + box.folders.length, 0)).toBeGreaterThan(600);
    // Two lines a folder: 53 pages when the empty file code and dates columns kept their share.
    expect(pages).toBeLessThanOrEqual(45);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
  });
});
