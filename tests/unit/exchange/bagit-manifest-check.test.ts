// Our own packages get two checks on top of BagIt's: manifest.json follows the schema, and its fingerprint (SHA-256
// of the RFC 8785 canonical form, computed here with the canonicalize package) is the one bag-info.txt records.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { checkTransmittalManifest } from '../../../electron/exchange/bagit/check-manifest';
import { writeBag } from '../../../electron/exchange/bagit/write-bag';
import { verifyPackage } from '../../../electron/cli/verify-command';
import { tempFolder } from './fixtures/bag-fixtures';

const sample = JSON.parse(readFileSync(join(__dirname, 'fixtures/manifest-sample.json'), 'utf8'));
const fingerprintOf = (manifest: unknown) => createHash('sha256').update(canonicalize(manifest) ?? '', 'utf8').digest('hex');

async function packageWith(manifest: unknown, recordedFingerprint: string | null) {
  const dir = join(await tempFolder(), 'PW-2026-003');
  await writeBag(dir, {
    payload: [{ path: 'manifest.json', bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) }],
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

  it('names the first field that breaks the schema', async () => {
    const broken = structuredClone(sample);
    broken.boxes[0].folders[1].title = 42;
    const check = await checkTransmittalManifest(await packageWith(broken, fingerprintOf(broken)));
    expect(check.errors).toEqual([{ file: 'data/manifest.json', message: expect.stringContaining('field boxes.0.folders.1.title') }]);
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
