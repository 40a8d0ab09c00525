// The transfer package on disk: a bag that RFC 8493 checks accept, holding the frozen manifest and its renderings,
// replaced cleanly when made again, and caught when anyone changes a file afterwards.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Jobs } from '../../../electron/runtime/jobs';
import { verifyBag } from '../../../electron/exchange/bagit/verify-bag';
import { startPackage } from '../../../electron/transfer/package-transfer';
import { sendTransfer } from '../../../electron/transfer/send-transfer';
import { frozenManifestJson } from '../../../electron/transfer/transfer-rows';
import { addBoxes, createTransfer } from '../../../electron/transfer/transfer-store';
import { FIXED_NOW, transferCatalog } from './transfer-fixtures';

let outDir: string;
beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'transmittal-package-'));
});
afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

async function draftWithBoxes() {
  const catalog = await transferCatalog({ boxes: 3, foldersPerBox: 3 });
  const transfer = createTransfer(catalog.context, { recordsCenterId: catalog.centerId, notes: '' });
  addBoxes(catalog.context, { id: transfer.id, all: true });
  return { ...catalog, transfer };
}

async function packageOf(context: Parameters<typeof startPackage>[0], id: number, jobs = new Jobs()) {
  const started = await startPackage(context, id, { outDir, jobs, clock: () => FIXED_NOW, appVersion: '9.9.9' });
  const job = await jobs.wait(started.jobId);
  return { started, job };
}

const bagInfoLabels = (text: string) => text.trimEnd().split('\n').map((line) => line.slice(0, line.indexOf(':')));

describe('the transfer package', () => {
  it('writes a sent transfer as a valid bag and zip holding the frozen manifest, with bag-info in order', async () => {
    const { context, transfer } = await draftWithBoxes();
    const sent = await sendTransfer(context, transfer.id, 'The boxes are evidence in an open appeal');
    const { started, job } = await packageOf(context, transfer.id);
    expect(job.state).toBe('done');
    expect(started).toEqual({
      jobId: started.jobId, preview: false, fingerprint: sent.fingerprint,
      folder: join(outDir, 'PW-2026-001'), zip: join(outDir, 'PW-2026-001.zip'),
    });

    const folderReport = await verifyBag(started.folder);
    expect(folderReport.errors).toEqual([]);
    expect(folderReport.info.payloadFiles).toBe(5);
    expect((await verifyBag(started.zip)).valid).toBe(true);

    const written = JSON.parse(await readFile(join(started.folder, 'data', 'manifest.json'), 'utf8'));
    expect(written).toEqual(JSON.parse(frozenManifestJson(context, transfer.id)!));
    const bagInfo = await readFile(join(started.folder, 'bag-info.txt'), 'utf8');
    expect(bagInfoLabels(bagInfo)).toEqual([
      'Source-Organization', 'Organization-Address', 'Contact-Name', 'Contact-Phone', 'Contact-Email', 'External-Description',
      'External-Identifier', 'Bagging-Date', 'Payload-Oxum', 'Bag-Count', 'Bag-Software-Agent', 'Manifest-Fingerprint',
    ]);
    expect(bagInfo).toContain('Organization-Address: 1 Main Street, Springfield\n');
    expect(bagInfo).toContain(`Manifest-Fingerprint: ${sent.fingerprint}\n`);
    // The same calendar (UTC) as the receipt's "printed" date, whatever the machine's time zone.
    expect(bagInfo).toContain(`Bagging-Date: ${FIXED_NOW.toISOString().slice(0, 10)}\n`);
    expect(bagInfo).toContain('External-Description: Transfer of 3 boxes (9 folders) to State Records Center\n');
    expect((await readdir(outDir)).sort()).toEqual(['PW-2026-001', 'PW-2026-001.zip']);
  });

  it('packages a draft as a DRAFT preview, not sent, beside where the real one will go', async () => {
    const { context, transfer } = await draftWithBoxes();
    const { started, job } = await packageOf(context, transfer.id);
    expect(job.state).toBe('done');
    expect(started).toMatchObject({ preview: true, folder: join(outDir, 'PW-2026-001-DRAFT') });
    const manifest = JSON.parse(await readFile(join(started.folder, 'data', 'manifest.json'), 'utf8'));
    expect(manifest.transfer.sentAt).toBeNull();
    expect(await readFile(join(started.folder, 'bag-info.txt'), 'utf8')).toContain('Internal-Sender-Description: DRAFT preview: this transfer has not been sent\n');
    expect((await verifyBag(started.folder)).valid).toBe(true);
    expect(frozenManifestJson(context, transfer.id)).toBeNull();
  });

  it('replaces an earlier package of the same transfer and leaves no staging folder', async () => {
    const { context, transfer } = await draftWithBoxes();
    await sendTransfer(context, transfer.id, 'The boxes are evidence in an open appeal');
    await packageOf(context, transfer.id);
    const { job } = await packageOf(context, transfer.id);
    expect(job.state).toBe('done');
    expect((await readdir(outDir)).sort()).toEqual(['PW-2026-001', 'PW-2026-001.zip']);
  });

  it('is caught when a payload file or the manifest is changed afterwards', async () => {
    const { context, transfer } = await draftWithBoxes();
    await sendTransfer(context, transfer.id, 'The boxes are evidence in an open appeal');
    const { started } = await packageOf(context, transfer.id);
    const receipt = join(started.folder, 'data', 'receipt.pdf');
    const bytes = await readFile(receipt);
    bytes[bytes.length - 10] ^= 0xff;
    await writeFile(receipt, bytes);
    const manifestPath = join(started.folder, 'data', 'manifest.json');
    await writeFile(manifestPath, (await readFile(manifestPath, 'utf8')).replace('PW-003', 'PW-333'));
    const report = await verifyBag(started.folder);
    expect(report.valid).toBe(false);
    const files = report.errors.map((problem) => problem.file);
    expect(files).toEqual(expect.arrayContaining(['data/receipt.pdf', 'data/manifest.json']));
  });

  it('stops when cancelled, leaving nothing behind', async () => {
    const { context, transfer } = await draftWithBoxes();
    const jobs = new Jobs();
    const started = await startPackage(context, transfer.id, { outDir, jobs, clock: () => FIXED_NOW, appVersion: '9.9.9' });
    jobs.cancel(started.jobId);
    expect((await jobs.wait(started.jobId)).state).toBe('cancelled');
    expect(existsSync(started.folder)).toBe(false);
    expect(await readdir(outDir).catch(() => [])).toEqual([]);
  });

  it('refuses a transfer with no boxes', async () => {
    const { context, centerId } = await transferCatalog({ boxes: 1 });
    const empty = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    await expect(packageOf(context, empty.id)).rejects.toThrow(/has no boxes yet/);
  });
});
