// The box labels read back by poppler and zbar: each label's Code 128 must scan as its own box id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../../electron/exchange/fonts';
import type { DocumentFonts } from '../../../shared/documents/pdf-document';
import { buildLabelsPdf, labelDispositionText, LABEL_STOCK } from '../../../shared/documents/labels-pdf';
import { sampleManifest } from './fixtures/sample-manifest';
import { decodeBarcodes, missingTools, pdfPages, pdfWords, run, runCapturing, tempDir } from './fixtures/tools';

const DPI = 200;
const PAGE_HEIGHT = 792;
const PER_SHEET = LABEL_STOCK.columns * LABEL_STOCK.rows;
const manifest = sampleManifest({ boxes: 8 });
const FINGERPRINT = 'c0ffee'.repeat(10) + 'beef';
const temp = tempDir('labels');
let fonts: DocumentFonts;
let file = '';

beforeAll(async () => {
  fonts = await loadFonts();
  file = temp.write('labels.pdf', await buildLabelsPdf(manifest, { fingerprint: FINGERPRINT, ...fonts }));
});
afterAll(() => temp.remove());

/** Where label `index` sits on its sheet, in points from the top-left corner (as poppler measures). */
function slot(index: number) {
  const position = index % PER_SHEET;
  const left = LABEL_STOCK.left + (position % LABEL_STOCK.columns) * (LABEL_STOCK.width + LABEL_STOCK.columnGap);
  const top = LABEL_STOCK.top + Math.floor(position / LABEL_STOCK.columns) * LABEL_STOCK.height;
  return { page: Math.floor(index / PER_SHEET) + 1, left, top, right: left + LABEL_STOCK.width, bottom: top + LABEL_STOCK.height };
}

describe('labels.pdf', () => {
  it('fits Avery 5164: 4" × 3⅓", 6 to a US Letter sheet', () => {
    expect(LABEL_STOCK.width).toBe(288);
    expect(LABEL_STOCK.height).toBe(240);
    expect(2 * LABEL_STOCK.left + 2 * LABEL_STOCK.width + LABEL_STOCK.columnGap).toBeCloseTo(612, 3);
    expect(2 * LABEL_STOCK.top + 3 * LABEL_STOCK.height).toBeCloseTo(PAGE_HEIGHT, 3);
  });

  it('refuses a box id too long to print as a scannable bar code', async () => {
    const long = sampleManifest({ boxes: 2 });
    long.boxes[0].boxId = `PW-${'9'.repeat(30)}-ABCDEFGHIJKLMNOPQRSTUVWXYZ-001`;
    await expect(buildLabelsPdf(long, { fingerprint: FINGERPRINT, ...fonts })).rejects.toThrow(/too long/);
  });

  describe.skipIf(missingTools('pdfinfo', 'pdftotext').length > 0)('read by poppler', () => {
    it('has one label per box, six to a page', () => {
      const info = runCapturing('pdfinfo', [file]);
      expect(info.stderr).toBe('');
      expect(info.stdout).toMatch(/Pages:\s+2\n/);
    });

    it('prints the department, transfer, box n of N, the box label, series and dates on each label', () => {
      const text = pdfPages(file).join('\n');
      for (const box of manifest.boxes) {
        expect(text).toContain(`Box ${box.sequence} of 8`);
        expect(text).toContain(box.boxId);
      }
      // Once on each label, once in each sheet's footer.
      expect(text.match(/Transfer PW-2026-003/g)).toHaveLength(8 + 2);
      expect(text.match(/Ærøskøbing Public Works/g)).toHaveLength(8);
      expect(text).toContain("Label: Zoë's permits 2019");
      expect(text).toContain('Label: =Minutes & personnel');
      expect(text).toContain('Series: GS 1010 Building permits');
      expect(text).toContain('Dates: 2015 – 2019-12 · Confidential');
    });

    it('prints on each label when the whole box may go, or why it waits', () => {
      const text = pdfPages(file).join('\n');
      const said = manifest.boxes.map(labelDispositionText);
      for (const line of said) expect(text).toContain(line);
      // The sample mixes dated boxes, a box on hold and a permanent box: each says its own thing.
      expect(said.some((line) => /^Disposition from \d{4}-\d{2}-\d{2}$/.test(line) || /^Eligible for disposition since \d{4}/.test(line))).toBe(true);
      expect(said).toContain('Disposition: waits, a folder is on legal hold');
      expect(new Set(said).size).toBeGreaterThan(2);
    });

    it('prints the manifest fingerprint in the bottom margin of every sheet, below the labels', () => {
      const pages = pdfPages(file);
      expect(pages).toHaveLength(2);
      pages.forEach((page, index) => expect(page).toContain(`Transfer PW-2026-003 · manifest fingerprint (SHA-256) ${FINGERPRINT} · sheet ${index + 1} of 2`));
      const footer = pdfWords(file).filter((word) => word.text === FINGERPRINT);
      expect(footer).toHaveLength(2);
      for (const word of footer) expect(word.yMin).toBeGreaterThan(PAGE_HEIGHT - LABEL_STOCK.top);
      expect(pages.join('\n')).not.toContain('DRAFT');
    });

    it('marks every label of a transfer not yet sent as a draft', async () => {
      const draft = temp.write('draft-labels.pdf', await buildLabelsPdf(sampleManifest({ boxes: 3, sentAt: null }), { fingerprint: FINGERPRINT, ...fonts }));
      const text = pdfPages(draft).join('\n');
      expect(text.match(/DRAFT, not sent: box ids may still change/g)).toHaveLength(3);
      expect(text).toContain('DRAFT (not sent) · Transfer PW-2026-003 · manifest fingerprint');
    });

    it('keeps every word inside its own label', () => {
      // The footer in the sheet's bottom margin is not on any label.
      const words = pdfWords(file).filter((word) => word.yMin < PAGE_HEIGHT - LABEL_STOCK.top);
      expect(words.length).toBeGreaterThan(100);
      for (const word of words) {
        const index = manifest.boxes.findIndex((_, i) => {
          const s = slot(i);
          const x = (word.xMin + word.xMax) / 2;
          const y = (word.yMin + word.yMax) / 2;
          return s.page === word.page && x > s.left && x < s.right && y > s.top && y < s.bottom;
        });
        expect(index, `"${word.text}" is on no label`).toBeGreaterThanOrEqual(0);
        const s = slot(index);
        expect(word.xMin, word.text).toBeGreaterThanOrEqual(s.left + 8);
        expect(word.xMax, word.text).toBeLessThanOrEqual(s.right - 8);
        expect(word.yMin, word.text).toBeGreaterThanOrEqual(s.top + 8);
        expect(word.yMax, word.text).toBeLessThanOrEqual(s.bottom - 8);
      }
    });
  });

  it.skipIf(missingTools('pdftoppm', 'zbarimg').length > 0)('scans, label by label, as that box\'s id (zbarimg on 200 dpi renders)', () => {
    const scale = DPI / 72;
    manifest.boxes.forEach((box, index) => {
      const s = slot(index);
      const png = `${temp.path}/label-${index}`;
      run('pdftoppm', ['-r', String(DPI), '-png', '-singlefile', '-f', String(s.page), '-l', String(s.page),
        '-x', String(Math.round(s.left * scale)), '-y', String(Math.round(s.top * scale)),
        '-W', String(Math.round(LABEL_STOCK.width * scale)), '-H', String(Math.round(LABEL_STOCK.height * scale)), file, png]);
      expect(decodeBarcodes(`${png}.png`), box.boxId).toEqual([box.boxId]);
    });
  });
});
