// What the center is given to take in: a transfer package (a folder or .zip, verified in full first: bag, every
// checksum, the manifest's schema and fingerprint, its renderings), a manifest.json alone (its schema and its own
// consistency only: there is no bag to prove it against), or the manifest.xlsx a department produced (the manifest
// rebuilt from its cells, under the fingerprint the workbook carries). Each answers the manifest as received, or a
// refusal naming the file and field (sheet, row and column for a workbook); nothing is written here. What a file is
// is told by its content, never by its name.
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/domain/errors';
import { anyManifestSchema, currentManifestView, type Manifest, type ManifestV1 } from '../../shared/exchange/manifest';
import { delimitedTextKind, delimitedTextRefusal, manifestFromXlsx } from '../../shared/exchange/manifest-from-rendering';
import { MANIFEST_FILE } from '../exchange/bagit/check-manifest';
import { withBagDirectory } from '../exchange/bagit/verify-bag';
import { manifestFingerprint } from '../exchange/fingerprint';
import { verifyPackage } from '../exchange/verify-package';
import { checkZip } from '../import/zip-check';
import { describeFileError, hasErrorCode } from '../storage/file-system';
import { NotRegularFileError, readRegularFile } from '../storage/regular-file';

export interface IntakeSource {
  /** A manifest.xlsx is a manifest alone too: 'manifest' (the accession's source column allows no other word). */
  source: 'package' | 'manifest';
  /**
   * The manifest as received (kept byte for byte in the accession); from a manifest.xlsx, the manifest rebuilt from
   * its cells, which does not itself hash to `fingerprint`.
   */
  text: string;
  /** As written (its own format's fields), for the fingerprint and the record. */
  received: Manifest | ManifestV1;
  /** Read the format 2 way (box disposition dates), for the holdings rows. */
  view: Manifest;
  /** The department's fingerprint: of manifest.json as received, or as a manifest.xlsx states it (its receipt's). */
  fingerprint: string;
  warnings: string[];
}

/** The manifest of a million-folder transfer is ~300 MB of JSON; anything larger is not one of ours. */
const MAX_MANIFEST_BYTES = 1024 ** 3;
const MAX_LISTED_PROBLEMS = 5;

const refuse = (message: string, details: Record<string, unknown>) => new AppError('invalid-input', message, details);

/** Reads the package or manifest at `path`; `shownName` is what the person chose (an upload's own name). */
export async function readIntakeSource(path: string, shownName: string): Promise<IntakeSource> {
  let kind: 'folder' | 'zip' | 'workbook' | 'file';
  try {
    const stats = await stat(path);
    kind = stats.isDirectory() ? 'folder' : await zipKind(path);
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT', 'ENOTDIR')) throw new AppError('file-not-found', `${shownName} does not exist.`, { file: shownName });
    throw error;
  }
  if (kind === 'file') return readManifestAlone(path, shownName);
  if (kind === 'workbook') return readWorkbook(path, shownName);
  return readPackage(path, shownName);
}

/** Office documents name their first part "[Content_Types].xml" (or one of its parts); a package zip starts with its bag. */
const OFFICE_FIRST_PART = /^(?:\[Content_Types\]\.xml$|_rels\/|docProps\/|xl\/|mimetype$)/;
const ZIP_LOCAL_HEADER = 0x04034b50;
const LOCAL_HEADER_BYTES = 30;
const OLE_SIGNATURE = 0xd0cf11e0a1b11ae1n;

/**
 * A zip's first local header says what it is without reading the whole archive (a package may be gigabytes): an
 * XLSX or ODS workbook, or a package. A workbook is then checked part by part (checkZip) before anything unzips it.
 */
async function zipKind(path: string): Promise<'zip' | 'workbook' | 'file'> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(LOCAL_HEADER_BYTES + 256);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead < 4 || head.readUInt32LE(0) !== ZIP_LOCAL_HEADER) return 'file';
    if (bytesRead < LOCAL_HEADER_BYTES) return 'zip';
    const nameLength = head.readUInt16LE(26);
    const firstPart = head.toString('utf8', LOCAL_HEADER_BYTES, Math.min(bytesRead, LOCAL_HEADER_BYTES + nameLength));
    return OFFICE_FIRST_PART.test(firstPart) ? 'workbook' : 'zip';
  } finally {
    await handle.close();
  }
}

async function readPackage(path: string, shownName: string): Promise<IntakeSource> {
  return withBagDirectory(path, async (bagRoot) => {
    const report = await verifyPackage(bagRoot);
    if (!report.valid) {
      const listed = report.errors.slice(0, MAX_LISTED_PROBLEMS).map((problem) => (problem.file ? `${problem.file} ${problem.message}` : problem.message));
      const more = report.errors.length > MAX_LISTED_PROBLEMS ? ` (and ${report.errors.length - MAX_LISTED_PROBLEMS} more)` : '';
      throw refuse(`${shownName} did not verify, so nothing was taken in: ${listed.join('; ')}${more}. Ask the department to send the package again.`, {
        file: report.errors[0]?.file ?? shownName,
        errors: report.errors.slice(0, 100),
      });
    }
    if (!report.transmittal?.fingerprint) {
      throw refuse(`${shownName} is a valid bag but holds no Transmittal manifest (${MANIFEST_FILE}): take it in through the box list import instead.`, { file: shownName });
    }
    const text = (await readRegularFile(join(bagRoot, MANIFEST_FILE), { maxBytes: MAX_MANIFEST_BYTES })).toString('utf8');
    const read = parseManifest(text, `${shownName}: ${MANIFEST_FILE}`);
    if (read.fingerprint !== report.transmittal.fingerprint) {
      // Verified a moment ago: a difference now means the package changed while it was being read.
      throw refuse(`${shownName} changed while it was being taken in: take it in again.`, { file: MANIFEST_FILE });
    }
    return { ...read, source: 'package', warnings: report.warnings.map((problem) => (problem.file ? `${problem.file} ${problem.message}` : problem.message)) };
  });
}

/** The file alone, within the size of the largest manifest Transmittal writes (the same limit for every kind). */
async function readManifestFile(path: string, shownName: string): Promise<Buffer> {
  try {
    return await readRegularFile(path, { maxBytes: MAX_MANIFEST_BYTES });
  } catch (error) {
    if (error instanceof NotRegularFileError) throw refuse(`${shownName} is ${error.kind}, not a package or a manifest.json.`, { file: shownName });
    if (hasErrorCode(error, 'EFBIG')) throw refuse(`${shownName} is larger than any manifest Transmittal writes: it is not a manifest.json.`, { file: shownName });
    throw new AppError('io-failed', `${shownName} could not be read: ${describeFileError(error)}.`, { file: shownName });
  }
}

/** Beside the file-size limit: a workbook's parts, unzipped, may not exceed it either (a zip bomb is refused first). */
const WORKBOOK_LIMITS = {
  maxFileBytes: MAX_MANIFEST_BYTES,
  maxRows: Number.MAX_SAFE_INTEGER,
  maxCells: Number.MAX_SAFE_INTEGER,
  maxSheets: 100,
  maxUncompressedBytes: MAX_MANIFEST_BYTES,
  maxZipEntries: 2_000,
  maxCompressionRatio: 500,
};

async function readWorkbook(path: string, shownName: string): Promise<IntakeSource> {
  const bytes = new Uint8Array(await readManifestFile(path, shownName));
  checkZip(bytes, shownName, WORKBOOK_LIMITS);
  const rebuilt = manifestFromXlsx(bytes, shownName);
  const problem = consistencyProblem(rebuilt.manifest);
  if (problem) throw refuse(`${shownName}: ${rebuilt.placeOf(problem.field)} ${problem.message}. Nothing was taken in.`, { file: shownName, field: problem.field });
  return {
    source: 'manifest',
    text: `${JSON.stringify(rebuilt.manifest, null, 2)}\n`,
    received: rebuilt.manifest,
    view: rebuilt.manifest,
    fingerprint: rebuilt.fingerprint,
    warnings: rebuilt.warnings,
  };
}

async function readManifestAlone(path: string, shownName: string): Promise<IntakeSource> {
  const bytes = await readManifestFile(path, shownName);
  // An Excel 97–2003 workbook (.xls) is never a Transmittal rendering: like any table, it goes to the import wizard.
  if (bytes.length >= 8 && bytes.readBigUInt64BE(0) === OLE_SIGNATURE) throw delimitedTextRefusal('box-list', shownName);
  const text = bytes.toString('utf8');
  const tableKind = delimitedTextKind(text);
  if (tableKind !== 'other') throw delimitedTextRefusal(tableKind, shownName);
  const read = parseManifest(text, shownName);
  return {
    ...read,
    source: 'manifest',
    warnings: ['A manifest alone was taken in: with no package, its fingerprint could only be compared with the one printed on the receipt. Compare them.'],
  };
}

/** Schema and consistency checks of a manifest's text; every refusal names the file and the field. */
function parseManifest(rawText: string, where: string): Omit<IntakeSource, 'source' | 'warnings'> {
  const text = rawText.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw refuse(`${where} is not a manifest: it is not valid JSON (${(error as Error).message}).`, { file: where });
  }
  const parsed = anyManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length === 0 ? '(the whole manifest)' : issue.path.map(String).join('.');
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
    throw refuse(`${where} is not a manifest Transmittal reads: field ${field}: ${issue.message}${more}. Nothing was taken in.`, {
      file: where,
      field,
    });
  }
  const received = parsed.data;
  if (received.transfer.sentAt === null) {
    throw refuse(`${where} is a DRAFT preview of transfer ${received.transfer.number}, not a sent transfer: ask the department for the package made after sending.`, {
      file: where,
      field: 'transfer.sentAt',
    });
  }
  const view = currentManifestView(received);
  const problem = consistencyProblem(view);
  if (problem) throw refuse(`${where}: field ${problem.field} ${problem.message}. Nothing was taken in.`, { file: where, field: problem.field });
  // The fingerprint is of the manifest as written (the JSON), exactly as the department computed it.
  return { text, received, view, fingerprint: manifestFingerprint(json as Manifest) };
}

/** What the schema cannot say and the holdings rely on: boxes numbered 1 to N, each barcode once, folders once. */
function consistencyProblem(manifest: Manifest): { field: string; message: string } | null {
  const codes = new Set<string>();
  for (const [index, box] of manifest.boxes.entries()) {
    if (box.sequence !== index + 1) return { field: `boxes.${index}.sequence`, message: `is ${box.sequence}, but it is box ${index + 1} of ${manifest.boxes.length}` };
    if (codes.has(box.boxId)) return { field: `boxes.${index}.boxId`, message: `repeats box id ${box.boxId}` };
    codes.add(box.boxId);
    const positions = new Set<number>();
    for (const [folderIndex, folder] of box.folders.entries()) {
      if (positions.has(folder.position)) return { field: `boxes.${index}.folders.${folderIndex}.position`, message: `repeats folder ${folder.position} of box ${box.sequence}` };
      positions.add(folder.position);
    }
  }
  return null;
}
