// The fonts behind the PDFs' text: each character drawn by the first font that has it, right-to-left runs put in
// visual order and Arabic joined, only the fallback fonts a document needs read and embedded, and every embedded
// (subset) glyph intact.
import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadFonts } from '../../../electron/exchange/fonts';
import { createDocument, type DocumentFonts, type OpenDocument } from '../../../shared/documents/pdf-document';
import { RTL_RUN } from '../../../shared/documents/pdf-fontkit';
import { wrapText } from '../../../shared/documents/pdf-text';
import { drawTexts } from '../../../shared/documents/pdf-text-run';
import { rgb } from 'pdf-lib';

let fonts: DocumentFonts;
let opened: OpenDocument;

const open = (printedText?: string, with_ = fonts) =>
  createDocument(with_, { title: 't', subject: 's', author: 'a', date: '2026-01-01T00:00:00Z', fingerprint: '0'.repeat(64), printedText });

beforeAll(async () => {
  fonts = await loadFonts();
  opened = await open();
});

/** The PostScript names of the fonts a run list uses, in order ("DejaVuSans", "DroidSansFallback"...). */
const fontNames = (line: string) => opened.faces.regular.runs(line).map((run) => run.font.name.replace(/^.*?-?(DejaVuSans|DroidSansFallback|NotoEmoji).*$/, '$1'));

/** Every embedded font program of a saved PDF, parsed again by fontkit. */
async function embeddedFonts(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes);
  const found = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || !object.get(PDFName.of('FontFile2'))) continue;
    const stream = doc.context.lookup(object.get(PDFName.of('FontFile2'))) as PDFRawStream;
    found.push(fontkit.create(decodePDFRawStream(stream).decode()));
  }
  return found;
}

describe('choosing a font for each character', () => {
  it('draws Latin in DejaVu Sans, CJK in the fallback font and emoji in the emoji font, in runs', () => {
    // Spaces between CJK words stay in the CJK font's run.
    expect(fontNames('Permits 東京 서울 ひらがな 📦 done')).toEqual(['DejaVuSans', 'DroidSansFallback', 'NotoEmoji', 'DejaVuSans']);
    // A plain line is one run, with no lookup beyond the first font.
    expect(fontNames('Zoë Ærøskøbing Ελληνικά')).toEqual(['DejaVuSans']);
  });

  it('keeps an emoji sequence (family, skin tone) in one font, as one cluster', () => {
    expect(fontNames('👨‍👩‍👧 👍🏽')).toEqual(['NotoEmoji']);
  });

  it('measures what it draws: a line is as wide as its runs', () => {
    const face = opened.faces.regular;
    for (const line of ['Permits 東京 📦', 'Box 3: ארכיון (2019)', 'سلام عليكم', 'plain text']) {
      const runs = face.runs(line);
      expect(face.width(line, 10)).toBeCloseTo(runs.reduce((sum, run) => sum + run.width, 0) * 10, 6);
    }
  });
});

describe('right-to-left text', () => {
  it('puts a Hebrew phrase in visual order inside a left-to-right line', () => {
    const runs = opened.faces.regular.runs('Box 3: ארכיון עירייה, box 4');
    expect(runs.map((run) => run.text.startsWith(RTL_RUN))).toEqual([false, true, false]);
    // The right-to-left run keeps its logical order: fontkit reverses it as it shapes it.
    expect(runs[1].text).toBe(`${RTL_RUN}ארכיון עירייה`);
  });

  it('orders the runs of a right-to-left line right to left, numbers reading left to right inside it', () => {
    const runs = opened.faces.regular.runs('ברחוב הרצל 12 קומה 3');
    // Left to right on the page: the last number first, each Hebrew run reversed by fontkit as it is shaped.
    expect(runs.map((run) => run.text)).toEqual(['3', `${RTL_RUN} קומה `, '12', `${RTL_RUN}ברחוב הרצל `]);
  });

  it("keeps each wrapped line in its paragraph's direction", () => {
    const face = opened.faces.regular;
    const lines = wrapText(face, 'Sent by Public Works — מחלקת עבודות ציבוריות before the notice date', 10, 150);
    // The second line starts with Hebrew, yet reads left to right like its paragraph: English first, on the left.
    const second = lines.find((line) => line.includes('ציבוריות'))!;
    expect(face.runs(second)[0].text.startsWith(RTL_RUN)).toBe(true);
    expect(face.runs(second).at(-1)!.text).toContain('before');
    expect(lines.map((line) => face.width(line, 10) <= 150)).not.toContain(false);
  });

  it('mirrors brackets in right-to-left runs', () => {
    const runs = opened.faces.regular.runs('שלום (עולם)');
    expect(runs).toHaveLength(1);
    expect(runs[0].text).toBe(`${RTL_RUN}שלום )עולם(`);
  });

  it('joins Arabic letters: initial, medial and final forms are different glyphs', () => {
    const [run] = opened.faces.regular.runs('بببب');
    const glyphs = run.font.encodeText(run.text).asString().match(/.{4}/g)!;
    expect(glyphs).toHaveLength(4);
    // Visual order: final, medial, medial, initial.
    expect(new Set(glyphs).size).toBe(3);
    expect(glyphs[1]).toBe(glyphs[2]);
    const [isolated] = opened.faces.regular.runs('ب');
    expect(glyphs).not.toContain(isolated.font.encodeText(isolated.text).asString());
  });
});

describe('embedding', () => {
  it('reads and embeds no fallback font for a document DejaVu Sans covers', async () => {
    const fallbackFonts = vi.fn(fonts.fallbackFonts!);
    const plain = await open('Zoë Ærøskøbing Ελληνικά Кириллица שלום', { ...fonts, fallbackFonts });
    drawTexts(plain.doc.addPage(), plain.faces.regular, 10, rgb(0, 0, 0), [{ text: plain.faces.regular.printable('Zoë'), x: 10, y: 10 }]);
    expect(fallbackFonts).not.toHaveBeenCalled();
    expect(await embeddedFonts(await plain.doc.save())).toHaveLength(2);
  });

  it('embeds only the fallback fonts the text needs', async () => {
    const cjk = await open('東京');
    drawTexts(cjk.doc.addPage(), cjk.faces.regular, 10, rgb(0, 0, 0), [{ text: '東京', x: 10, y: 10 }]);
    expect(await embeddedFonts(await cjk.doc.save())).toHaveLength(3);
  });

  it('keeps every subset glyph intact (fontkit writes short offsets that odd-length glyphs would shift)', async () => {
    const document = await open();
    const text = '東京都庁 建築許可 서울특별시 건축 허가 ひらがなカタカナ 中文 📦🗂👍 😀 👨‍👩‍👧 سلام שלום Zoë';
    const page = document.doc.addPage();
    drawTexts(page, document.faces.regular, 12, rgb(0, 0, 0), [{ text: document.faces.regular.printable(text), x: 10, y: 100 }]);
    drawTexts(page, document.faces.bold, 12, rgb(0, 0, 0), [{ text: document.faces.bold.printable(text), x: 10, y: 50 }]);
    const subsets = await embeddedFonts(await document.doc.save());
    expect(subsets).toHaveLength(4);
    for (const font of subsets) {
      const { minX, minY, maxX, maxY } = font.bbox;
      expect(font.numGlyphs).toBeGreaterThan(2);
      for (let id = 1; id < font.numGlyphs; id += 1) {
        const box = font.getGlyph(id).bbox;
        // A misplaced glyph decodes as garbage (or throws): far outside the font's own box.
        expect(box.minX >= minX && box.maxX <= maxX && box.minY >= minY && box.maxY <= maxY, `glyph ${id}`).toBe(true);
      }
    }
  });
});
