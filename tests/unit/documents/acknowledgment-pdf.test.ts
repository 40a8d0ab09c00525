// The center's acknowledgment receipt, read back by poppler: what was found, where each box is, every discrepancy in
// plain words, how to ask for records back, and both fingerprints; no two words overlap.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../../electron/exchange/fonts';
import { manifestFingerprint } from '../../../electron/exchange/fingerprint';
import { buildAcknowledgmentPdf } from '../../../shared/documents/acknowledgment-pdf';
import type { DocumentFonts } from '../../../shared/documents/pdf-document';
import { acknowledgmentSchema, canonicalAcknowledgmentJson } from '../../../shared/exchange/acknowledgment';
import { acknowledgmentFor } from '../transfer/acknowledgment-fixtures';
import { sampleManifest } from './fixtures/sample-manifest';
import { missingTools, pdfPages, pdfWords, runCapturing, tempDir } from './fixtures/tools';

const temp = tempDir('acknowledgment');
let fonts: DocumentFonts;
beforeAll(async () => {
  fonts = await loadFonts();
});
afterAll(() => temp.remove());

describe.skipIf(missingTools('pdftotext', 'pdfinfo').length > 0)('acknowledgment.pdf', () => {
  it('says what was found, where each box is, what did not match and how to ask back, with both fingerprints', async () => {
    const manifest = sampleManifest({ boxes: 4 });
    const fingerprint = manifestFingerprint(manifest);
    const acknowledgment = acknowledgmentSchema.parse(acknowledgmentFor(manifest, fingerprint, { missing: [2], extra: 'Box marked “PW misc”' }));
    const own = createHash('sha256').update(canonicalAcknowledgmentJson(acknowledgment)).digest('hex');
    const file = temp.write('acknowledgment.pdf', await buildAcknowledgmentPdf(acknowledgment, { fingerprint: own, ...fonts }));
    expect(runCapturing('pdfinfo', [file]).stderr).toBe('');
    const text = pdfPages(file).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(`Transfer ${manifest.transfer.number} · accession PW-2026-0042`);
    expect(text).toContain('State Records Center received 3 boxes of the 4 listed from Ærøskøbing Public Works on March 10, 2026 (checked in by Lee Park)');
    // A row reads across: the box as sent, its id, what was found, the center's number and the shelf (cells wrap).
    expect(text).toMatch(/1\. Zoë's PW-2026-003-001 Received 118 Building A \/ Row 3 \/ Bay permits 2019 2 \/ Shelf 4 \/ Position 1/);
    expect(text).toMatch(/2\. =Minutes PW-2026-003-002 Missing — — Not in the/);
    expect(text).toContain('came with the transfer but is not on its list: • “Box marked “PW misc””, center box 900');
    expect(text).toContain('Box 2 (=Minutes & personnel) was not in the delivery. (noted by Lee Park, March 10, 2026)');
    expect(text).toContain('Nothing was changed to hide these');
    expect(text).toContain(`How to ask: ${manifest.recordsCenter.retrievalInstructions}`);
    expect(text).toContain(fingerprint);
    expect(text).toContain(own);
    // No two words overlap anywhere.
    const words = pdfWords(file);
    for (const a of words) {
      for (const b of words) {
        if (a === b || a.page !== b.page) continue;
        const across = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const down = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        expect(across > 0.5 && down > 0.5, `“${a.text}” overlaps “${b.text}”`).toBe(false);
      }
    }
  });

  it('says plainly when everything matched', async () => {
    const manifest = sampleManifest({ boxes: 2 });
    const acknowledgment = acknowledgmentFor(manifest, manifestFingerprint(manifest));
    const file = temp.write('matched.pdf', await buildAcknowledgmentPdf(acknowledgment, { fingerprint: 'a'.repeat(64), ...fonts }));
    const text = pdfPages(file).join('\n');
    expect(text).toContain('Everything matched the list the department sent.');
    expect(text).not.toContain('Nothing was changed to hide');
  });
});
