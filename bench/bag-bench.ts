// Bagging and zipping a 2 GB record streamed from disk: the record is written here, then a child process bags it
// as a file on disk, zips the bag and verifies the folder and the zip, so the child's peak memory is the work's
// alone. Target: memory < 300 MB whatever the size. Prints one JSON line of figures; run.ts prints them.
// `bag-bench.ts child <folder> <sha256>` is the child.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { writeBag } from '../electron/exchange/bagit/write-bag';
import { verifyPackage } from '../electron/exchange/verify-package';
import { zipDirectory } from '../electron/exchange/zip';
import { rawCopyFile, rawSha256File } from './yardstick';

const PAYLOAD_MB = Number(process.env.BENCH_BAG_MB ?? 2048);
const MB = 1024 ** 2;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, (performance.now() - start) / 1000];
}

/** The child: the app's work on the record, timed step by step, with its peak memory. */
async function child(folder: string, sha256: string): Promise<void> {
  const source = join(folder, 'record.bin');
  const bag = join(folder, 'PW-2026-003');
  const startRssMb = process.memoryUsage().rss / MB;
  const [, bagSeconds] = await timed(() =>
    writeBag(bag, {
      payload: [
        { path: 'records/record.bin', source, size: PAYLOAD_MB * MB, sha256 },
        { path: 'notes.txt', bytes: new TextEncoder().encode('A 2 GB record, bagged from disk.\n') },
      ],
      bagInfo: [['Source-Organization', 'Bench']],
    }),
  );
  const [, zipSeconds] = await timed(() => zipDirectory(bag, `${bag}.zip`));
  const [folderReport, verifyFolderSeconds] = await timed(() => verifyPackage(bag));
  const [zipReport, verifyZipSeconds] = await timed(() => verifyPackage(`${bag}.zip`));
  if (!folderReport.valid || !zipReport.valid) throw new Error(`The bench bag does not verify: ${[...folderReport.errors, ...zipReport.errors][0]?.message}`);
  // maxRSS is in kilobytes.
  const peakRssMb = (process.resourceUsage().maxRSS * 1024) / MB;
  process.stdout.write(`${JSON.stringify({ startRssMb, bagSeconds, zipSeconds, verifyFolderSeconds, verifyZipSeconds, peakRssMb })}\n`);
}

/** A record neither sparse nor all zeros, so reading, hashing and copying it are real: one random megabyte, repeated. */
async function writeRecord(path: string): Promise<string> {
  const block = randomBytes(MB);
  const hash = createHash('sha256');
  const handle = await open(path, 'wx');
  try {
    for (let index = 0; index < PAYLOAD_MB; index += 1) {
      await handle.write(block);
      hash.update(block);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

async function main(): Promise<void> {
  // The record, the bag's copy, the zip and the zip unpacked to verify it are on disk together at the end.
  const neededBytes = 4 * PAYLOAD_MB * MB + 512 * MB;
  const space = await statfs(tmpdir());
  const freeBytes = space.bavail * space.bsize;
  if (freeBytes < neededBytes) {
    const skipped = `only ${(freeBytes / 1024 ** 3).toFixed(1)} GB free in ${tmpdir()}, and it needs ${(neededBytes / 1024 ** 3).toFixed(1)} GB`;
    process.stdout.write(`${JSON.stringify({ skipped })}\n`);
    return;
  }
  const folder = await mkdtemp(join(tmpdir(), 'transmittal-bag-bench-'));
  try {
    const record = join(folder, 'record.bin');
    const sha256 = await writeRecord(record);
    // The yardstick, on the same bytes in the same run: a plain hash through a read stream, and the system's copy.
    const rawSha256Seconds = await rawSha256File(record);
    const { copySeconds: rawCopySeconds, syncSeconds: rawSyncSeconds } = await rawCopyFile(record, join(folder, 'copy.bin'));
    await rm(join(folder, 'copy.bin'));
    const script = fileURLToPath(import.meta.url);
    const output = execFileSync(process.execPath, ['--import', 'tsx', script, 'child', folder, sha256], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const measured = JSON.parse(output.trim().split('\n').at(-1)!);
    process.stdout.write(`${JSON.stringify({ payloadMb: PAYLOAD_MB, ...measured, rawSha256Seconds, rawCopySeconds, rawSyncSeconds })}\n`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child') await child(process.argv[3], process.argv[4]);
else await main();
