// Our own packages get two checks on top of BagIt's: manifest.json follows the schema, and its fingerprint (SHA-256
// of the RFC 8785 canonical form, computed here with the canonicalize package) is the one bag-info.txt records.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { currentManifestView } from '../../../shared/exchange/manifest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { checkTransmittalManifest } from '../../../electron/exchange/bagit/check-manifest';
import { writeBag } from '../../../electron/exchange/bagit/write-bag';
import { verifyPackage } from '../../../electron/exchange/verify-package';
import { loadFonts } from '../../../electron/exchange/fonts';
import { buildLabelsPdf } from '../../../shared/documents/labels-pdf';
import { buildReceiptPdf } from '../../../shared/documents/receipt-pdf';
import { manifestToXlsx } from '../../../shared/exchange/manifest-xlsx';
import { tempFolder } from './fixtures/bag-fixtures';

// A format 1 manifest: the documents are made from its format 2 view, as the app makes them for a transfer sent before format 2.
const sample = JSON.parse(readFileSync(join(__dirname, 'fixtures/manifest-sample.json'), 'utf8'));
const fingerprintOf = (manifest: unknown) => createHash('sha256').update(canonicalize(manifest) ?? '', 'utf8').digest('hex');

async function packageWith(manifest: unknown, recordedFingerprint: string | null, documents: { path: string; bytes: Uint8Array }[] = []) {
  const dir = join(await tempFolder(), 'PW-2026-003');
  await writeBag(dir, {
    payload: [{ path: 'manifest.json', bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) }, ...documents],
    bagInfo: [['External-Identifier', 'PW-2026-003'], ...(recordedFingerprint ? ([['Manifest-Fingerprint', recordedFingerprint]] as [string, string][]) : [])],
  });
  return dir;
}

describe('checkTransmittalManifest', () => {
  it('accepts a package whose manifest matches the schema and the recorded fingerprint', async () => {
    const dir = await packageWith(sample, fingerprintOf(sample));
    expect(await checkTransmittalManifest(dir)).toEqual({ present: true, errors: [], transferNumber: 'PW-2026-003', fingerprint: fingerprintOf(sample) });
    const verified = await verifyPackage(dir);
    expect(verified.valid).toBe(true);
    expect(verified.transmittal).toEqual({ transferNumber: 'PW-2026-003', fingerprint: fingerprintOf(sample) });
  });

  it('names data/manifest.json when its content is not what the fingerprint records, even in a consistent bag', async () => {
    const edited = structuredClone(sample);
    edited.boxes[0].folders[0].title = 'Permits April 2019';
    const dir = await packageWith(edited, fingerprintOf(sample));
    const verified = await verifyPackage(dir);
    expect(verified.valid).toBe(false);
    expect(verified.errors).toEqual([{ file: 'data/manifest.json', message: expect.stringContaining(`bag-info.txt records ${fingerprintOf(sample)}`) }]);
  });

  it('catches manifest.json edited in place twice over: its checksum and its fingerprint', async () => {
    const dir = await packageWith(sample, fingerprintOf(sample));
    const edited = structuredClone(sample);
    edited.transfer.notes = 'changed after sending';
    await writeFile(join(dir, 'data/manifest.json'), JSON.stringify(edited));
    const files = (await verifyPackage(dir)).errors.map((error) => `${error.file}: ${error.message}`);
    expect(files).toContainEqual(expect.stringMatching(/^data\/manifest\.json: does not match its sha256 checksum/));
    expect(files).toContainEqual(expect.stringMatching(/^data\/manifest\.json: has fingerprint/));
  });

  it('names every field that breaks the schema', async () => {
    const broken = structuredClone(sample);
    broken.boxes[0].folders[1].title = 42;
    delete broken.transfer.number;
    const check = await checkTransmittalManifest(await packageWith(broken, fingerprintOf(broken)));
    expect(check.errors).toEqual([
      { file: 'data/manifest.json', message: expect.stringContaining('field transfer.number') },
      { file: 'data/manifest.json', message: expect.stringContaining('field boxes.0.folders.1.title') },
    ]);
  });

  it('refuses a manifest whose totals or box numbering disagree with its own boxes', async () => {
    const edited = structuredClone(sample);
    edited.transfer.totals.boxes += 5;
    edited.transfer.totals.folders += 1;
    edited.boxes[0].sequence = 5;
    const check = await checkTransmittalManifest(await packageWith(edited, fingerprintOf(edited)));
    expect(check.errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/^field transfer\.totals\.boxes says \d+, but the manifest lists \d+ boxes$/),
      expect.stringMatching(/^field transfer\.totals\.folders says \d+, but the boxes list \d+ folders$/),
      expect.stringMatching(/^field boxes\.0 is box 5 of \d+, but it is box 1 of \d+ in the manifest$/),
    ]);
  });

  it('names a receipt, labels or spreadsheet made from another manifest, even when the bag is consistent', async () => {
    const fonts = await loadFonts();
    const original = fingerprintOf(sample);
    const documents = [
      { path: 'receipt.pdf', bytes: await buildReceiptPdf(currentManifestView(sample), { fingerprint: original, generatedAt: '2026-03-03T09:00:00Z', ...fonts }) },
      { path: 'labels.pdf', bytes: await buildLabelsPdf(currentManifestView(sample), { fingerprint: original, ...fonts }) },
      { path: 'manifest.xlsx', bytes: manifestToXlsx(currentManifestView(sample), original) },
    ];
    expect((await verifyPackage(await packageWith(sample, original, documents))).errors).toEqual([]);

    // Someone edits the manifest, records its new fingerprint and re-bags it, but keeps the printed documents.
    const edited = structuredClone(sample);
    edited.boxes[0].folders[0].title = 'Permits April 2019';
    const verified = await verifyPackage(await packageWith(edited, fingerprintOf(edited), documents));
    expect(verified.valid).toBe(false);
    expect(verified.errors).toEqual(
      ['data/receipt.pdf', 'data/labels.pdf', 'data/manifest.xlsx'].map((file) => ({
        file,
        message: `was made from the manifest with fingerprint ${original}, not from this manifest (${fingerprintOf(edited)})`,
      })),
    );

    const notPdf = await verifyPackage(await packageWith(sample, original, [{ path: 'receipt.pdf', bytes: new TextEncoder().encode('not a pdf') }]));
    expect(notPdf.errors).toEqual([{ file: 'data/receipt.pdf', message: 'cannot be read as a PDF' }]);
  });

  it('requires the recorded fingerprint, and refuses a manifest that is not JSON', async () => {
    expect((await checkTransmittalManifest(await packageWith(sample, null))).errors).toEqual([
      { file: 'bag-info.txt', message: expect.stringContaining('no Manifest-Fingerprint') },
    ]);
    const dir = await packageWith(sample, fingerprintOf(sample));
    await writeFile(join(dir, 'data/manifest.json'), '{"format": "transmittal-manifest/1", ');
    expect((await checkTransmittalManifest(dir)).errors).toEqual([{ file: 'data/manifest.json', message: expect.stringContaining('not valid JSON') }]);
  });

  it('leaves another tool’s manifest.json alone', async () => {
    const dir = await packageWith({ format: 'someone-else/2', files: [] }, null);
    expect(await checkTransmittalManifest(dir)).toEqual({ present: false, errors: [] });
    expect((await verifyPackage(dir)).valid).toBe(true);
  });
});

describe('verify trusts no label', () => {
  it.each(['Transmittal-manifest/1', 'TRANSMITTAL-MANIFEST/1', ' transmittal-manifest/1', 'transmittal_manifest/1', 'something-else/1'])(
    'a title changed, the format renamed to %j and the checksums regenerated: not valid, naming the fingerprint',
    async (format) => {
      const edited = structuredClone(sample);
      edited.boxes[0].folders[0].title = 'Permits April 2019 (changed)';
      edited.format = format;
      // writeBag computes fresh checksums: BagIt alone finds nothing wrong with this bag.
      const dir = await packageWith(edited, fingerprintOf(sample));
      const verified = await verifyPackage(dir);
      expect(verified.valid).toBe(false);
      const lines = verified.errors.map((error) => `${error.file}: ${error.message}`);
      expect(lines).toContainEqual(expect.stringMatching(/^data\/manifest\.json: field format is .* not a Transmittal manifest format/));
      expect(lines).toContainEqual(expect.stringMatching(/^data\/manifest\.json: has fingerprint [0-9a-f]{64}, but bag-info\.txt records/));
    },
  );

  it('a manifest without any format field, but in our shape, is held to the checks', async () => {
    const edited = structuredClone(sample);
    delete edited.format;
    const verified = await verifyPackage(await packageWith(edited, null));
    expect(verified.valid).toBe(false);
    expect(verified.errors.map((error) => error.message)).toContainEqual(expect.stringMatching(/field format is null/));
  });

  it('a package whose manifest is gone but whose bag-info.txt claims one fails', async () => {
    const dir = join(await tempFolder(), 'PW-2026-003');
    await writeBag(dir, {
      payload: [{ path: 'notes.txt', bytes: new TextEncoder().encode('a note') }],
      bagInfo: [['Manifest-Fingerprint', fingerprintOf(sample)]],
    });
    const verified = await verifyPackage(dir);
    expect(verified.valid).toBe(false);
    expect(verified.errors).toEqual([
      { file: 'data/manifest.json', message: expect.stringMatching(/^is missing, but bag-info\.txt \(Manifest-Fingerprint [0-9a-f]{64}\) speak of a Transmittal manifest/) },
    ]);
  });

  it('a package whose manifest is gone but whose receipt records a fingerprint fails', async () => {
    const fonts = await loadFonts();
    const receipt = await buildReceiptPdf(currentManifestView(sample), { fingerprint: fingerprintOf(sample), generatedAt: '2026-03-03T09:00:00Z', ...fonts });
    const dir = join(await tempFolder(), 'PW-2026-003');
    await writeBag(dir, { payload: [{ path: 'receipt.pdf', bytes: receipt }], bagInfo: [] });
    const verified = await verifyPackage(dir);
    expect(verified.valid).toBe(false);
    expect(verified.errors[0]).toMatchObject({ file: 'data/manifest.json', message: expect.stringContaining('data/receipt.pdf') });
  });

  it('a valid foreign bag with none of these passes as a valid bag, not a Transmittal package', async () => {
    const dir = join(await tempFolder(), 'foreign');
    await writeBag(dir, {
      payload: [
        { path: 'manifest.json', bytes: new TextEncoder().encode('{"files": ["a.tif", "b.tif"], "format": "acme-inventory/2"}') },
        { path: 'a.tif', bytes: new Uint8Array([1, 2, 3]) },
      ],
      bagInfo: [['Source-Organization', 'Acme Archives']],
    });
    const verified = await verifyPackage(dir);
    expect(verified.valid).toBe(true);
    expect(verified.transmittal).toBeUndefined();
  });

  it('a FIFO where the manifest or bag-info.txt should be is refused at once, never waited on', async () => {
    const { execFileSync } = await import('node:child_process');
    const { rm } = await import('node:fs/promises');
    for (const name of ['data/manifest.json', 'bag-info.txt', 'bagit.txt']) {
      const dir = await packageWith(sample, fingerprintOf(sample));
      await rm(join(dir, name));
      execFileSync('mkfifo', [join(dir, name)]);
      const verified = await verifyPackage(dir);
      expect(verified.valid, name).toBe(false);
      expect(verified.errors.map((error) => `${error.file}: ${error.message}`).join('\n'), name).toMatch(/named pipe|special file/);
    }
  });
});
