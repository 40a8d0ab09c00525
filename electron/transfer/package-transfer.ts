// The transfer package: a BagIt bag holding manifest.json (the authoritative record), its XLSX and CSV renderings,
// the receipt and the box labels, written to <outDir>/<number>/ and zipped beside it. Runs as a job on a manifest
// taken when the call is made, so edits made meanwhile (or closing the catalog) cannot change it half way.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackageStarted } from '../../shared/api/contract-transfers';
import { AppError } from '../../shared/domain/errors';
import { currentManifestView, type Manifest, type ManifestV1 } from '../../shared/exchange/manifest';
import type { JobControl, Jobs } from '../runtime/jobs';
import type { CatalogContext } from '../catalog/context';
import { bagFileSize, writeBag, type BagFile } from '../exchange/bagit/write-bag';
import { manifestFingerprint } from '../exchange/fingerprint';
import { zipDirectory } from '../exchange/zip';
import { buildManifest } from './build-manifest';
import { loadTransfer } from './load-transfer';
import { transferFiles } from './transfer-files';
import type { BagSource } from '../exchange/bagit/copy-file';
import { buildPackageDocuments, documentFiles, type DocumentKind } from './package-documents';
import { frozenManifestJson, getTransferRow } from './transfer-rows';

export interface WriteOptions {
  clock: () => Date;
  appVersion: string;
}

export interface PackageOptions extends WriteOptions {
  outDir: string;
  jobs: Jobs;
}

export interface PackagePlan {
  /** The manifest as the documents read it (format 2's view of an older one). */
  manifest: Manifest;
  /** The manifest exactly as it is (or was, once sent) written: manifest.json and the fingerprint are its own. */
  written: Manifest | ManifestV1;
  fingerprint: string;
  preview: boolean;
  /** The bag folder's name: the transfer number, with "-DRAFT" for a preview. */
  name: string;
  outDir: string;
  /** The manifest's electronic records, each with the file on disk it is copied from. */
  records: BagSource[];
}

/**
 * A transfer's manifest now: the frozen one once sent (as written, with the fingerprint it was sent with), else the
 * catalog as it stands (a preview); `manifest` is it read the current way for the documents (currentManifestView).
 */
export function transferManifest(context: CatalogContext, id: number): { written: Manifest | ManifestV1; manifest: Manifest; fingerprint: string; sent: boolean } {
  const transfer = getTransferRow(context, id);
  const frozen = frozenManifestJson(context, id);
  const written: Manifest | ManifestV1 = frozen ? (JSON.parse(frozen) as Manifest | ManifestV1) : buildManifest(context, loadTransfer(context, id), null);
  const fingerprint = frozen && transfer.fingerprint ? transfer.fingerprint : manifestFingerprint(written);
  return { written, manifest: currentManifestView(written), fingerprint, sent: frozen !== null };
}

/** Takes the manifest now: the frozen one once sent, else the catalog as it stands (a preview). */
export async function planPackage(context: CatalogContext, id: number, outDir: string): Promise<PackagePlan> {
  const transfer = getTransferRow(context, id);
  const { written, manifest, fingerprint, sent } = transferManifest(context, id);
  if (manifest.boxes.length === 0) {
    throw new AppError('invalid-input', `Transfer ${transfer.number} has no boxes yet: add the boxes you are sending first.`, { field: 'id' });
  }
  const sources = new Map(transferFiles(context, id).map((file) => [file.relativePath, file.sourcePath]));
  const records = manifest.electronicItems.map((item): BagSource => {
    const source = sources.get(item.relativePath);
    if (!source) throw new AppError('invalid-input', `${item.relativePath} is listed in the manifest but no longer on this transfer.`, { file: item.relativePath });
    return { path: item.relativePath, source, size: item.size, sha256: item.sha256 };
  });
  return { manifest, written, fingerprint, preview: !sent, name: sent ? transfer.number : `${transfer.number}-DRAFT`, outDir, records };
}

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const nonEmpty = (pairs: [string, string][]) => pairs.filter(([, value]) => value.trim() !== '');

/** bag-info.txt, in the order people read it; Payload-Oxum is the writer's to check against the payload. */
export function packageBagInfo(plan: PackagePlan, payload: BagFile[], now: Date, appVersion: string): [string, string][] {
  const { department, recordsCenter, transfer } = plan.manifest;
  const bytes = payload.reduce((sum, file) => sum + bagFileSize(file), 0);
  return [
    ...nonEmpty([
      ['Source-Organization', department.name],
      ['Organization-Address', department.address.replace(/\s*\n\s*/g, ', ')],
      ['Contact-Name', department.contactName],
      ['Contact-Phone', department.contactPhone],
      ['Contact-Email', department.contactEmail],
    ]),
    ['External-Description', `Transfer of ${counted(transfer.totals.boxes, 'box', 'boxes')} (${counted(transfer.totals.folders, 'folder', 'folders')}) to ${recordsCenter.name}`],
    ['External-Identifier', transfer.number],
    // The UTC calendar date, as every date the receipt and manifest print: the two never disagree near midnight.
    ['Bagging-Date', now.toISOString().slice(0, 10)],
    ['Payload-Oxum', `${bytes}.${payload.length}`],
    ['Bag-Count', '1 of 1'],
    ['Bag-Software-Agent', `Transmittal ${appVersion}`],
    ['Manifest-Fingerprint', plan.fingerprint],
    ...(plan.preview ? ([['Internal-Sender-Description', 'DRAFT preview: this transfer has not been sent']] as [string, string][]) : []),
  ];
}

/** Builds every document, then the bag and the zip in a staging folder, and only then puts them in place. */
export async function writePackage(plan: PackagePlan, control: JobControl, options: WriteOptions): Promise<void> {
  const { manifest, fingerprint } = plan;
  const now = options.clock();
  const documents = await buildPackageDocuments({ manifest, fingerprint, generatedAt: now.toISOString() }, control, (kind, index) =>
    control.progress(0.02 + 0.75 * (index / 4), `Writing ${documentFiles[kind]}`),
  );
  const payload: BagFile[] = [
    { path: 'manifest.json', bytes: new TextEncoder().encode(`${JSON.stringify(plan.written, null, 2)}\n`) },
    ...(['xlsx', 'csv', 'receipt', 'labels'] as DocumentKind[]).map((kind) => ({ path: documentFiles[kind], bytes: documents[kind] })),
    // Electronic records are streamed from where they are, checked against the size and checksum recorded.
    ...plan.records,
  ];
  control.progress(0.8, 'Writing the bag');
  await control.checkpoint();

  await mkdir(plan.outDir, { recursive: true });
  const staging = join(plan.outDir, `.${plan.name}.${randomBytes(6).toString('hex')}.staging`);
  await mkdir(staging);
  try {
    const stagedBag = join(staging, plan.name);
    await writeBag(stagedBag, { payload, bagInfo: packageBagInfo(plan, payload, now, options.appVersion), now });
    control.progress(0.9, 'Zipping the package');
    await control.checkpoint();
    await zipDirectory(stagedBag, `${stagedBag}.zip`, { mtime: now });
    await control.checkpoint();
    // Packaging again replaces the earlier package of the same transfer: for a sent one, the same manifest.
    const folder = join(plan.outDir, plan.name);
    await rm(folder, { recursive: true, force: true });
    await rm(`${folder}.zip`, { force: true });
    await rename(stagedBag, folder);
    await rename(`${stagedBag}.zip`, `${folder}.zip`);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

export async function startPackage(context: CatalogContext, id: number, options: PackageOptions): Promise<PackageStarted> {
  const plan = await planPackage(context, id, options.outDir);
  const number = plan.manifest.transfer.number;
  const jobId = options.jobs.start(`Creating the package of transfer ${number}`, (control) => writePackage(plan, control, options));
  const folder = join(options.outDir, plan.name);
  return { jobId, preview: plan.preview, folder, zip: `${folder}.zip`, fingerprint: plan.fingerprint };
}
