// Electronic records on a transfer: added by reference (read once for size and checksum), undoable, listed in the
// manifest, copied into data/records/ by the package, and refused when the file changed after it was added.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordsErrors } from '../../../electron/exchange/bagit/check-records';
import { writeBag } from '../../../electron/exchange/bagit/write-bag';
import { verifyPackage } from '../../../electron/exchange/verify-package';
import type { Manifest } from '../../../shared/exchange/manifest';
import { department, testSession, uploaded, waitForJob, type TestSession } from '../catalog/session-helpers';

let t: TestSession;
afterEach(async () => t?.dispose());

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

async function draftTransfer() {
  t = await testSession();
  await t.call('catalog.create', { fileName: 'Files', department });
  await t.call('department.update', { ...department, code: 'PW', address: '1 Main St', contactName: 'Ana Ruiz', contactEmail: 'ana@city.example' });
  const center = await t.call('centers.create', {
    name: 'City Records Center', address: '1 Archive Way', contactPhone: '555-0199', retrievalInstructions: 'Email the box number', turnaround: 'Next working day', turnaroundWorkingDays: 1,
    dispositionNoticeDays: 90, deliveryOptions: ['box-returned', 'scan-on-demand'], lossPolicy: 'Reported within one working day; recovery at the center’s cost.',
  });
  const item = await t.call('schedule.create', { itemNumber: 'GS 1010', title: 'Permits', rule: { kind: 'period', years: 3, months: 0, trigger: 'calendar-year' }, retentionText: 'CY+3' });
  const box = await t.call('boxes.create', { label: 'PW-1' });
  await t.call('folders.create', { boxId: box.id, folder: { title: 'Oak Street permits', scheduleItemId: item.id, beginDate: '2018', endDate: '2019' } });
  const transfer = await t.call('transfers.create', { recordsCenterId: center.id });
  await t.call('transfers.addBoxes', { id: transfer.id, boxIds: [box.id] });
  return transfer.id;
}

async function add(id: number, files: ({ path: string } | { upload: string })[]) {
  const { jobId } = await t.call('transfers.addFiles', { id, files });
  return waitForJob(t, jobId);
}

describe('electronic records on a transfer', () => {
  it('adds files by path and by upload, with their checksums, as one undoable change; a name already taken gets a number', async () => {
    const id = await draftTransfer();
    const plan = join(t.dir, 'Site plan.pdf');
    await writeFile(plan, '%PDF-1.4 site plan');
    await mkdir(join(t.dir, 'other'));
    await writeFile(join(t.dir, 'other', 'Site plan.pdf'), '%PDF-1.4 revised site plan');
    expect((await add(id, [{ path: plan }, { path: join(t.dir, 'other', 'Site plan.pdf') }])).state).toBe('done');
    expect((await add(id, [await uploaded(t, 'Minutes 2019.docx', 'minutes')])).state).toBe('done');
    const { files } = await t.call('transfers.get', { id });
    expect(files.map((file) => [file.relativePath, file.size, file.sha256, file.mediaType])).toEqual([
      ['records/Minutes 2019.docx', 7, sha('minutes'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['records/Site plan (2).pdf', 26, sha('%PDF-1.4 revised site plan'), 'application/pdf'],
      ['records/Site plan.pdf', 18, sha('%PDF-1.4 site plan'), 'application/pdf'],
    ]);
    // The upload's temp copy goes away: the transfer keeps its own copy in the workspace.
    expect(files[0].sourcePath.startsWith(join(t.dir, 'Transfers'))).toBe(true);
    expect(await readFile(files[0].sourcePath, 'utf8')).toBe('minutes');

    await t.call('history.undo', {});
    expect((await t.call('transfers.get', { id })).files).toHaveLength(2);
    const removed = await t.call('transfers.removeFiles', { id, fileIds: [files[1].id] });
    expect(removed).toEqual({ removed: 1 });
    await t.call('history.undo', {});
    expect((await t.call('transfers.get', { id })).files.map((file) => file.relativePath)).toEqual(['records/Site plan (2).pdf', 'records/Site plan.pdf']);
  });

  it('refuses a missing file or a FIFO by name and adds nothing of the batch', async () => {
    const id = await draftTransfer();
    const good = join(t.dir, 'good.pdf');
    await writeFile(good, 'good');
    const fifo = join(t.dir, 'pipe.pdf');
    execFileSync('mkfifo', [fifo]);
    const piped = await add(id, [{ path: good }, { path: fifo }]);
    expect(piped.state).toBe('failed');
    expect(piped.error?.message).toMatch(/“pipe\.pdf” is a (FIFO|named pipe)/i);
    const missing = await add(id, [{ path: join(t.dir, 'gone.pdf') }]);
    expect(missing.error?.code).toBe('file-not-found');
    expect((await t.call('transfers.get', { id })).files).toEqual([]);
  });

  it('lists them in the manifest and copies them into data/records/, and a file changed since is refused', async () => {
    const id = await draftTransfer();
    const plan = join(t.dir, 'Site plan.pdf');
    await writeFile(plan, '%PDF-1.4 site plan');
    await add(id, [{ path: plan }]);
    const sent = await t.call('transfers.send', { id, eligibleReason: 'The boxes are evidence in an open appeal' });
    const out = join(t.dir, 'out');
    const started = await t.call('transfers.package', { id, outDir: out });
    expect((await waitForJob(t, started.jobId)).state).toBe('done');
    const manifest = JSON.parse(await readFile(join(started.folder, 'data', 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.electronicItems).toEqual([{ relativePath: 'records/Site plan.pdf', size: 18, sha256: sha('%PDF-1.4 site plan'), mediaType: 'application/pdf' }]);
    expect(await readFile(join(started.folder, 'data', 'records', 'Site plan.pdf'), 'utf8')).toBe('%PDF-1.4 site plan');
    expect(started.fingerprint).toBe(sent.fingerprint);
    // The receipt says what was sent, electronic records included (read by poppler, as anyone would).
    const receipt = execFileSync('pdftotext', ['-layout', join(started.folder, 'data', 'receipt.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(receipt).toContain('Electronic records 1 file (1 KB) in the package’s records folder, each listed with its SHA-256 checksum in manifest.json');
    for (const target of [started.folder, started.zip]) {
      const report = await verifyPackage(target);
      expect(report.errors).toEqual([]);
      expect(report.valid).toBe(true);
    }

    // Changed on disk after it was added (same size, other bytes): the package is refused, and the last one stays.
    await writeFile(plan, '%PDF-1.4 SITE PLAN');
    const again = await t.call('transfers.package', { id, outDir: out });
    const failed = await waitForJob(t, again.jobId);
    expect(failed.state).toBe('failed');
    expect(failed.error?.message).toMatch(/^records\/Site plan\.pdf changed after it was added to the transfer/);
    expect(await readFile(join(started.folder, 'data', 'records', 'Site plan.pdf'), 'utf8')).toBe('%PDF-1.4 site plan');
  });

  it('refuses files once the transfer is sent', async () => {
    const id = await draftTransfer();
    await t.call('transfers.send', { id, eligibleReason: 'The boxes are evidence in an open appeal' });
    const late = join(t.dir, 'late.pdf');
    await writeFile(late, 'late');
    expect((await t.fail('transfers.addFiles', { id, files: [{ path: late }] })).message).toMatch(/is sent: its boxes can no longer change/);
  });
});

describe('verify: the electronic records of a package', () => {
  it('names a listed record that is missing, one whose checksum differs, and one the manifest does not list', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'transmittal-records-'));
    try {
      const bag = join(dir, 'bag');
      await writeBag(bag, {
        payload: [
          { path: 'records/a.pdf', bytes: new TextEncoder().encode('a') },
          { path: 'records/extra.txt', bytes: new TextEncoder().encode('extra') },
        ],
        bagInfo: [],
      });
      const manifest = {
        electronicItems: [
          { relativePath: 'records/a.pdf', size: 1, sha256: sha('not a'), mediaType: 'application/pdf' },
          { relativePath: 'records/b.pdf', size: 1, sha256: sha('b'), mediaType: 'application/pdf' },
        ],
      } as unknown as Manifest;
      expect(await recordsErrors(bag, manifest)).toEqual([
        { file: 'data/records/a.pdf', message: `has SHA-256 ${sha('a')}, but the manifest says ${sha('not a')}: it is not the file that was sent` },
        { file: 'data/records/b.pdf', message: 'is listed in the manifest (electronicItems.1) but is not in the package' },
        { file: 'data/records/extra.txt', message: 'is an electronic record the manifest does not list' },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
