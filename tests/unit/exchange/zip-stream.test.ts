// Zipping streams files a chunk at a time: files larger than a chunk, records stored as they are (a .docx is itself a
// zip, full of "PK" signatures) and names with accents come back byte for byte through our unzip and Python's, and a
// zip that would need Zip64 is refused instead of written broken.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unzipToTemp, zipDirectory } from '../../../electron/exchange/zip';
import { ZipWriter } from '../../../electron/exchange/zip-writer';
import { writeBag } from '../../../electron/exchange/bagit/write-bag';
import { tempFolder, writeFiles } from './fixtures/bag-fixtures';

const MTIME = new Date(2026, 2, 15, 10, 30);
const MB = 1024 ** 2;

/** 5 MB that deflate can shrink, but not to nothing: text lines with random numbers. */
function compressibleText(bytes: number): Buffer {
  const lines: string[] = [];
  for (let length = 0; length < bytes; ) {
    const line = `Box PW-${Math.floor(Math.random() * 1e6)} folder ${Math.random().toString(36).slice(2)} permits\n`;
    lines.push(line);
    length += line.length;
  }
  return Buffer.from(lines.join('')).subarray(0, bytes);
}

/** A bag-shaped folder: a deflated document over one chunk, stored records (one a .docx, a zip itself), an accent. */
async function sampleFolder() {
  const parent = await tempFolder();
  const dir = join(parent, 'PW-2026-003');
  const docx = Buffer.from(zipSync({ '[Content_Types].xml': randomBytes(3000), 'word/document.xml': new TextEncoder().encode('<w:document/>'.repeat(500)) }, { level: 0 }));
  const files: Record<string, Uint8Array> = {
    'bagit.txt': new TextEncoder().encode('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'),
    'data/manifest.csv': compressibleText(5 * MB + 17),
    'data/records/letter.docx': docx,
    'data/records/scan.tif': randomBytes(5 * MB + 3),
    'data/records/Núñez café.txt': new TextEncoder().encode('accents'),
    'data/records/empty.txt': new Uint8Array(0),
  };
  await writeFiles(dir, files);
  const zip = join(parent, 'PW-2026-003.zip');
  await zipDirectory(dir, zip, { mtime: MTIME });
  return { parent, dir, zip, files };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('zipDirectory streams files', () => {
  it('round-trips every file byte for byte through unzipToTemp', async () => {
    const { zip, files } = await sampleFolder();
    const unzipped = await unzipToTemp(zip, undefined, await tempFolder());
    try {
      for (const [path, bytes] of Object.entries(files)) {
        expect(sha256(await readFile(join(unzipped.dir, 'PW-2026-003', path))), path).toBe(sha256(bytes));
      }
      expect((await readdir(join(unzipped.dir, 'PW-2026-003/data/records'))).sort()).toEqual(['Núñez café.txt', 'empty.txt', 'letter.docx', 'scan.tif']);
    } finally {
      await unzipped.cleanup();
    }
  });

  const python = spawnSync('/usr/bin/python3', ['--version'], { encoding: 'utf8' });
  const noPython = process.env.CI !== 'true' && (python.error || python.status !== 0) ? 'python3 is not installed' : '';
  it.skipIf(noPython !== '')(`opens in Python's zipfile with the same bytes, records stored and no data descriptors${noPython ? ` (skipped: ${noPython})` : ''}`, async () => {
    const { zip, files } = await sampleFolder();
    const script = [
      'import sys, zipfile, hashlib, json',
      'z = zipfile.ZipFile(sys.argv[1])',
      'assert z.testzip() is None',
      'print(json.dumps([[i.filename, hashlib.sha256(z.read(i)).hexdigest(), i.compress_type, i.flag_bits & 8] for i in z.infolist()]))',
    ].join('\n');
    const run = spawnSync('/usr/bin/python3', ['-c', script, zip], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const listed = new Map((JSON.parse(run.stdout) as [string, string, number, number][]).map(([name, ...rest]) => [name, rest]));
    for (const [path, bytes] of Object.entries(files)) {
      const stored = path.startsWith('data/records/');
      expect(listed.get(`PW-2026-003/${path}`), path).toEqual([sha256(bytes), stored ? 0 : 8, 0]);
    }
    expect([...listed.keys()].filter((name) => name.endsWith('/'))).toEqual(['PW-2026-003/', 'PW-2026-003/data/', 'PW-2026-003/data/records/']);
  });

  it('gives the same bytes for the same folder and time', async () => {
    const { dir, parent, zip } = await sampleFolder();
    await zipDirectory(dir, join(parent, 'again.zip'), { mtime: MTIME });
    expect(sha256(await readFile(join(parent, 'again.zip')))).toBe(sha256(await readFile(zip)));
  });

  it('refuses a zip over 4 GB, which would need Zip64, before writing anything', async () => {
    const parent = await tempFolder();
    const dir = join(parent, 'huge');
    await writeFiles(dir, { 'bagit.txt': 'BagIt-Version: 1.0\n' });
    // A sparse file: 4 GB on paper, next to nothing on disk, and never read since the size alone refuses it.
    const handle = await open(join(dir, 'huge.bin'), 'w');
    await handle.truncate(4 * 1024 ** 3);
    await handle.close();
    const attempt = zipDirectory(dir, join(parent, 'huge.zip'));
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(attempt).rejects.toThrow(/larger than 4 GB.*Zip64/);
    expect(existsSync(join(parent, 'huge.zip'))).toBe(false);
    expect((await readdir(parent)).sort()).toEqual(['huge']);
  });
});

describe('ZipWriter', () => {
  it('stops as soon as deflated data would pass the limit, which sizes alone could not foresee', async () => {
    const dir = await tempFolder();
    await writeFiles(dir, { 'noise.bin': randomBytes(5000) });
    const output = await open(join(dir, 'out.zip'), 'w');
    const source = await open(join(dir, 'noise.bin'), 'r');
    try {
      const zip = new ZipWriter(output, join(dir, 'out.zip'), MTIME, 4000);
      await zip.addFolder('bag/');
      await expect(zip.addFile('bag/noise.bin', source, true)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('Zip64') });
    } finally {
      await source.close();
      await output.close();
    }
  });
});

describe('memory while bagging and zipping', () => {
  it('holds a few chunks, not the file: a 64 MB record is bagged and zipped with well under 64 MB of buffers', async () => {
    const sourceDir = await tempFolder('transmittal-source-');
    const source = join(sourceDir, 'scan.tif');
    const block = randomBytes(MB);
    const hash = createHash('sha256');
    const handle = await open(source, 'w');
    for (let index = 0; index < 64; index += 1) {
      await handle.write(block);
      hash.update(block);
    }
    await handle.close();
    const parent = await tempFolder();
    const dir = join(parent, 'PW-2026-003');

    // Sampled while the work runs; a peak between two samples is missed, so this can only be too lenient.
    const before = process.memoryUsage().arrayBuffers;
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers - before)), 1);
    try {
      await writeBag(dir, { payload: [{ path: 'records/scan.tif', source, size: 64 * MB, sha256: hash.digest('hex') }], bagInfo: [] });
      await zipDirectory(dir, join(parent, 'PW-2026-003.zip'));
    } finally {
      clearInterval(sampler);
    }
    expect(peak).toBeLessThan(16 * MB);
  });
});
