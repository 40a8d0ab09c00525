// Whatever a department types, the receipt and the labels still build: no character, length or control code
// makes the PDF builders throw (characters the font lacks print as a visible mark instead).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../../electron/exchange/fonts';
import { buildLabelsPdf } from '../../../shared/documents/labels-pdf';
import type { DocumentFonts } from '../../../shared/documents/pdf-document';
import { buildReceiptPdf } from '../../../shared/documents/receipt-pdf';
import { sampleManifest } from './fixtures/sample-manifest';

let fonts: DocumentFonts;
beforeAll(async () => {
  fonts = await loadFonts();
});

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', minLength: 1500, maxLength: 3000 }),
);

describe('PDFs from hostile text', () => {
  it('build for any department name, address, box label, title and file code', async () => {
    await fc.assert(fc.asyncProperty(anyText, anyText, anyText, anyText, async (name, label, title, code) => {
      const manifest = sampleManifest({ boxes: 2 });
      manifest.department.name = name || 'x';
      manifest.recordsCenter.address = title;
      manifest.boxes[0].label = label;
      Object.assign(manifest.boxes[1].folders[0], { title, fileCode: code, notes: label });
      manifest.scheduleItems[0].title = code;
      const receipt = await buildReceiptPdf(manifest, { fingerprint: '0'.repeat(64), ...fonts, generatedAt: '2026-03-03T09:00:00Z' });
      const labels = await buildLabelsPdf(manifest, { fingerprint: '0'.repeat(64), ...fonts });
      expect(new TextDecoder().decode(receipt.slice(0, 5))).toBe('%PDF-');
      expect(new TextDecoder().decode(labels.slice(0, 5))).toBe('%PDF-');
    }), { numRuns: 8 });
  });
});
