// Packaging a transfer that carries a 2 GB electronic record: the record is written here, then a child process runs
// the app's own path (add the file to a transfer, send, package: bag and zip) and verifies the folder and the zip,
// so the child's peak memory is the work's alone. Target: memory < 300 MB whatever the size. Prints one JSON line
// of figures; run.ts prints them. `bag-bench.ts child <folder>` is the child.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createSession, type Session } from '../electron/session/session';
import type { ApiInput, ApiMethod, ApiResult, JobStatus } from '../shared/api/contract';
import { verifyPackage } from '../electron/exchange/verify-package';
import { rawCopyFile, rawSha256File } from './yardstick';

const PAYLOAD_MB = Number(process.env.BENCH_BAG_MB ?? 2048);
const MB = 1024 ** 2;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, (performance.now() - start) / 1000];
}

/** Waits for a job of the session, failing with its message. */
async function finished(session: Session, jobId: string): Promise<void> {
  for (;;) {
    const answer = await session.dispatch('jobs.get', { id: jobId });
    if (!answer.ok) throw new Error(answer.error.message);
    const job = answer.value as JobStatus;
    if (job.state === 'done') return;
    if (job.state !== 'running') throw new Error(job.error?.message ?? job.state);
    await new Promise((wait) => setTimeout(wait, 20));
  }
}

/**
 * The child: the app's own path, through the API a user's calls take: a department adds the record to a transfer
 * (read once for its checksum), sends it, and packages it (bag and zip); then the package is verified as a folder
 * and as a zip. Each step is timed, and the child's peak memory covers them all.
 */
async function child(folder: string): Promise<void> {
  const source = join(folder, 'record.bin');
  const startRssMb = process.memoryUsage().rss / MB;
  const session = await createSession({ workspaceDir: folder, actor: 'bench', appVersion: 'bench', autosaveDelayMs: 60_000, rememberRecent: false });
  const call = async <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> => {
    const answer = await session.dispatch(method, input);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
    return answer.value as ApiResult<M>;
  };
  await call('catalog.create', { fileName: 'Bench', department: { name: 'Public Works', code: 'PW', contactName: 'Ana Ruiz', contactEmail: 'ana@city.example' } });
  const center = await call('centers.create', {
    name: 'City Records Center', address: '1 Archive Way', contactPhone: '555-0199', retrievalInstructions: 'Email the box number', turnaround: 'Next working day', turnaroundWorkingDays: 1,
    dispositionNoticeDays: 90, deliveryOptions: ['box-returned', 'scan-on-demand'], lossPolicy: 'Reported within one working day; recovery at the center’s cost.',
  });
  const item = await call('schedule.create', { itemNumber: 'GS 1010', title: 'Permits', retentionText: 'CY+3', rule: { kind: 'period', years: 3, trigger: 'calendar-year' } });
  const box = await call('boxes.create', { label: 'PW-001' });
  await call('folders.create', { boxId: box.id, folder: { title: 'Oak Street permits', scheduleItemId: item.id, beginDate: '2018', endDate: '2019' } });
  const transfer = await call('transfers.create', { recordsCenterId: center.id });
  await call('transfers.addBoxes', { id: transfer.id, boxIds: [box.id] });
  const [, addSeconds] = await timed(async () => finished(session, (await call('transfers.addFiles', { id: transfer.id, files: [{ path: source }] })).jobId));
  await call('transfers.send', { id: transfer.id, eligibleReason: 'The boxes are evidence in an open appeal' });
  const out = join(folder, 'out');
  const [started, packageSeconds] = await timed(async () => {
    const begun = await call('transfers.package', { id: transfer.id, outDir: out });
    await finished(session, begun.jobId);
    return begun;
  });
  const [folderReport, verifyFolderSeconds] = await timed(() => verifyPackage(started.folder));
  const [zipReport, verifyZipSeconds] = await timed(() => verifyPackage(started.zip));
  if (!folderReport.valid || !zipReport.valid) throw new Error(`The bench package does not verify: ${[...folderReport.errors, ...zipReport.errors][0]?.message}`);
  await session.close({ discard: true });
  // maxRSS is in kilobytes.
  const peakRssMb = (process.resourceUsage().maxRSS * 1024) / MB;
  process.stdout.write(`${JSON.stringify({ startRssMb, addSeconds, packageSeconds, verifyFolderSeconds, verifyZipSeconds, peakRssMb })}\n`);
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
  // The record, the bag's copy, the zip (and its staging copy) and the zip unpacked to verify it are on disk at the end.
  const neededBytes = 5 * PAYLOAD_MB * MB + 512 * MB;
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
    const output = execFileSync(process.execPath, ['--import', 'tsx', script, 'child', folder], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const measured = JSON.parse(output.trim().split('\n').at(-1)!);
    process.stdout.write(`${JSON.stringify({ payloadMb: PAYLOAD_MB, sha256, ...measured, rawSha256Seconds, rawCopySeconds, rawSyncSeconds })}\n`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child') await child(process.argv[3]);
else await main();
