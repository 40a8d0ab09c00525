// Packages as zips: a bag zipped with its top folder verifies from the zip, the same bag always gives the same
// bytes, another reader (Python's zipfile) opens it, and hostile zips (zip slip, zip bombs) are refused unpacked.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { verifyBag } from '../../../electron/exchange/bagit/verify-bag';
import { writeBag } from '../../../electron/exchange/bagit/write-bag';
import { DEFAULT_UNZIP_LIMITS, unzipToTemp, zipDirectory } from '../../../electron/exchange/zip';
import { sampleContents, tempFolder } from './fixtures/bag-fixtures';

const MTIME = new Date(2026, 2, 15, 10, 30);

async function zippedBag() {
  const parent = await tempFolder();
  const dir = join(parent, 'PW-2026-003');
  await writeBag(dir, sampleContents());
  const zip = join(parent, 'PW-2026-003.zip');
  await zipDirectory(dir, zip, { mtime: MTIME });
  return { parent, dir, zip };
}

async function writeZip(files: Zippable): Promise<string> {
  const path = join(await tempFolder(), 'hostile.zip');
  await writeFile(path, zipSync(files));
  return path;
}

describe('zipDirectory and verifying a zip', () => {
  it('zips the bag under its top folder, in sorted order, and the zip verifies', async () => {
    const { zip } = await zippedBag();
    const report = await verifyBag(zip);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.info.payloadFiles).toBe(3);
  });

  it('gives the same bytes for the same bag and time', async () => {
    const { dir, parent, zip } = await zippedBag();
    const again = join(parent, 'again.zip');
    await zipDirectory(dir, again, { mtime: MTIME });
    expect(Buffer.compare(await readFile(zip), await readFile(again))).toBe(0);
    await expect(zipDirectory(dir, again)).rejects.toMatchObject({ code: 'file-exists' });
  });

  it('catches a payload file changed inside the zip', async () => {
    const { parent, dir } = await zippedBag();
    await writeFile(join(dir, 'data/receipt.pdf'), 'tampered');
    const tampered = join(parent, 'tampered.zip');
    await zipDirectory(dir, tampered, { mtime: MTIME });
    expect((await verifyBag(tampered)).errors).toContainEqual(expect.objectContaining({ file: 'data/receipt.pdf' }));
  });

  const python = spawnSync('/usr/bin/python3', ['--version'], { encoding: 'utf8' });
  const noPython = process.env.CI !== 'true' && (python.error || python.status !== 0) ? 'python3 is not installed' : '';
  it.skipIf(noPython !== '')(`opens in Python's zipfile with the same names and bytes${noPython ? ` (skipped: ${noPython})` : ''}`, async () => {
    const { zip } = await zippedBag();
    const script = 'import sys, zipfile, hashlib\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nfor i in z.infolist(): print(i.filename, hashlib.sha256(z.read(i)).hexdigest())';
    const run = spawnSync('/usr/bin/python3', ['-c', script, zip], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const names = run.stdout.trim().split('\n').map((line) => line.split(' ')[0]);
    expect(names).toEqual([
      'PW-2026-003/',
      'PW-2026-003/bag-info.txt',
      'PW-2026-003/bagit.txt',
      'PW-2026-003/data/',
      'PW-2026-003/data/manifest.csv',
      'PW-2026-003/data/manifest.json',
      'PW-2026-003/data/receipt.pdf',
      'PW-2026-003/manifest-sha256.txt',
      'PW-2026-003/tagmanifest-sha256.txt',
    ]);
  });
});

describe('unzipToTemp refuses hostile zips', () => {
  it.each([
    ['../evil.txt', '".."'],
    ['bag/../../evil.txt', '".."'],
    ['/tmp/evil.txt', 'absolute path'],
    ['C:/evil.txt', 'drive letter'],
    ['bag\\..\\..\\evil.txt', '".."'],
    ['bag\\evil.txt', 'backslashes'],
    ['\\\\server\\share\\evil.txt', 'backslash'],
    ['bag//evil.txt', 'empty or "." parts'],
  ])('refuses the entry %j (zip slip) and leaves nothing behind', async (name, why) => {
    const zip = await writeZip({ 'bag/bagit.txt': new Uint8Array(3), [name]: new TextEncoder().encode('gotcha') });
    const parent = await tempFolder();
    const attempt = unzipToTemp(zip, DEFAULT_UNZIP_LIMITS, parent);
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-input', details: { entry: name } });
    await expect(attempt).rejects.toThrow(why);
    expect(await readdir(parent)).toEqual([]);
    expect(existsSync(join(parent, '..', 'evil.txt'))).toBe(false);
    await expect(verifyBag(zip)).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('stops an entry that inflates far beyond its stored size (zip bomb)', async () => {
    const zip = await writeZip({ 'bag/zeros.bin': new Uint8Array(20 * 1024 ** 2) });
    const parent = await tempFolder();
    await expect(unzipToTemp(zip, DEFAULT_UNZIP_LIMITS, parent)).rejects.toThrow(/zip bomb/);
    expect(await readdir(parent)).toEqual([]);
  });

  it('counts the bytes that really come out, whatever the header claims', async () => {
    const bytes = zipSync({ 'bag/liar.bin': new Uint8Array(2 * 1024 ** 2).fill(7) }, { level: 0 });
    // Local file header: uncompressed size at offset 22. Claim 10 bytes for a 2 MiB entry.
    new DataView(bytes.buffer).setUint32(22, 10, true);
    const zip = join(await tempFolder(), 'liar.zip');
    await writeFile(zip, bytes);
    await expect(unzipToTemp(zip, DEFAULT_UNZIP_LIMITS, await tempFolder())).rejects.toThrow(/more than its stated or plausible size/);
  });

  it('enforces the total size and the number of entries', async () => {
    const files: Zippable = {};
    for (let index = 0; index < 5; index += 1) files[`bag/file-${index}.txt`] = new TextEncoder().encode(`file ${index} `.repeat(50));
    const zip = await writeZip(files);
    await expect(unzipToTemp(zip, { ...DEFAULT_UNZIP_LIMITS, maxTotalBytes: 1000 }, await tempFolder())).rejects.toThrow(/more than 1000 bytes/);
    await expect(unzipToTemp(zip, { ...DEFAULT_UNZIP_LIMITS, maxFiles: 3 }, await tempFolder())).rejects.toThrow(/more than 3 entries/);
    const unzipped = await unzipToTemp(zip, DEFAULT_UNZIP_LIMITS, await tempFolder());
    expect(await readdir(join(unzipped.dir, 'bag'))).toHaveLength(5);
    await unzipped.cleanup();
    expect(existsSync(unzipped.dir)).toBe(false);
  });

  it('refuses a zip whose entries are not the files its table of contents lists', async () => {
    const bytes = zipSync({ 'bag/shown.txt': new TextEncoder().encode('what Explorer shows') });
    // The local header's name starts at offset 30; rename the entry there only.
    bytes.set(new TextEncoder().encode('bag/other.txt'.slice(0, 'bag/shown.txt'.length)), 30);
    const zip = join(await tempFolder(), 'forged.zip');
    await writeFile(zip, bytes);
    await expect(unzipToTemp(zip, DEFAULT_UNZIP_LIMITS, await tempFolder())).rejects.toThrow(/table of contents does not match/);
  });

  it('refuses a file that is not a zip, and a zip cut short', async () => {
    const notZip = join(await tempFolder(), 'not.zip');
    await writeFile(notZip, 'just text');
    await expect(unzipToTemp(notZip, DEFAULT_UNZIP_LIMITS, await tempFolder())).rejects.toThrow(/not a zip file/);
    const { zip } = await zippedBag();
    const bytes = await readFile(zip);
    const cut = join(await tempFolder(), 'cut.zip');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(verifyBag(cut)).rejects.toThrow(/cut short|damaged/);
  });
});
