import { beforeAll, describe, expect, it } from 'vitest';
import { fontDirectories, loadFonts } from '../../../electron/exchange/fonts';
import { code128Modules, receiptQrText } from '../../../shared/documents/barcodes';
import { createDocument } from '../../../shared/documents/pdf-document';
import { clampLines, fitLine, MISSING_GLYPH, wrapText, type MissingGlyphTally, type TextFace } from '../../../shared/documents/pdf-text';
import { LONG_TITLE } from './fixtures/sample-manifest';

let face: TextFace;
let tally: MissingGlyphTally;

beforeAll(async () => {
  const opened = await createDocument(await loadFonts(), { title: 't', subject: 's', author: 'a', date: '2026-01-01T00:00:00Z', fingerprint: '0'.repeat(64) });
  face = opened.faces.regular;
  tally = opened.tally;
});

describe('printable text', () => {
  it('keeps what the fonts can draw and marks what none can, counting it', () => {
    expect(face.printable('Zoë Ærøskøbing Ελληνικά Кириллица')).toBe('Zoë Ærøskøbing Ελληνικά Кириллица');
    expect(face.printable('東京 서울 ひらがな 📦 👍🏽 שלום سلام')).toBe('東京 서울 ひらがな 📦 👍🏽 שלום سلام');
    const before = tally.count;
    // Devanagari is in none of the fonts: each character cluster is one mark.
    expect(face.printable('कख office')).toBe(`${MISSING_GLYPH}${MISSING_GLYPH} office`);
    expect(tally.count - before).toBe(2);
    expect(tally.examples).toContain('क');
  });

  it('turns control characters into spaces and composes accents (NFC)', () => {
    expect(face.printable('a\tb\u0000c\u007fd')).toBe('a b c d');
    expect(face.printable('Zoe\u0308')).toBe('Zoë');
  });

  it('handles characters outside the Basic Multilingual Plane as one mark each', () => {
    expect(face.printable('𝄞 clef')).toBe(`${MISSING_GLYPH} clef`);
  });
});

describe('wrapping', () => {
  it('never makes a line wider than asked, and loses no word', () => {
    for (const width of [60, 150, 300]) {
      const lines = wrapText(face, LONG_TITLE, 10, width);
      expect(lines.every((line) => face.width(line, 10) <= width)).toBe(true);
      expect(lines.join('').replace(/\s+/g, '')).toBe(LONG_TITLE.replace(/\s+/g, ''));
      if (width >= 150) expect(lines.join(' ').split(/\s+/)).toEqual(LONG_TITLE.split(/\s+/));
    }
  });

  it('breaks a word too long for the line inside the word', () => {
    const path = 'records/2019/permits/oak-street/inspection-reports/final-inspection-signed.pdf';
    const lines = wrapText(face, path, 10, 100);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe(path);
    expect(lines.every((line) => face.width(line, 10) <= 100)).toBe(true);
  });

  it('keeps line breaks inside the text and drops stray ones at its ends', () => {
    expect(wrapText(face, 'Line one\nline two', 10, 500)).toEqual(['Line one', 'line two']);
    expect(wrapText(face, '\rCarriage return title', 10, 500)).toEqual(['Carriage return title']);
    expect(wrapText(face, '', 10, 500)).toEqual(['']);
  });

  it('cuts with an ellipsis when a label has room for only so many lines', () => {
    const lines = clampLines(face, wrapText(face, LONG_TITLE, 10, 200), 10, 200, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(face.width(lines[1], 10) <= 200).toBe(true);
    expect(fitLine(face, LONG_TITLE, 10, 120).endsWith('…')).toBe(true);
    expect(fitLine(face, 'Short', 10, 120)).toBe('Short');
  });
});

describe('barcodes and fonts', () => {
  it('puts the transfer number and fingerprint in the QR text', () => {
    expect(receiptQrText('PW-2026-003', 'ab'.repeat(32))).toBe(`transmittal:transfer=PW-2026-003;sha256=${'ab'.repeat(32)}`);
  });

  it('measures a Code 128 symbol in modules, quiet zones included', () => {
    // Start (11) + data + check (11) + stop (13) + 20 quiet: longer ids need more modules.
    expect(code128Modules('PW-2026-003-001')).toBeGreaterThan(100);
    expect(code128Modules('PW-2026-003-001')).toBeLessThan(code128Modules('PUBLICWORKS-2026-003-001'));
  });

  it('finds the fonts from the repository, and names where it looked when they are missing', async () => {
    expect(fontDirectories().some((dir) => dir.endsWith('resources/fonts'))).toBe(true);
    const fonts = await loadFonts();
    expect(fonts.font.length).toBeGreaterThan(100_000);
    expect(new TextDecoder('latin1').decode(fonts.boldFont.slice(0, 4))).toBe('\u0000\u0001\u0000\u0000');
    await expect(loadFonts(['/nonexistent/fonts'])).rejects.toThrow(/\/nonexistent\/fonts/);
  });
});
