// The checks only a Transmittal package gets on top of BagIt's: data/manifest.json must follow the published
// schema and agree with itself (totals, box numbering), its fingerprint must be the one bag-info.txt records, and
// the receipt, labels and spreadsheet in the bag must have been made from this manifest (each records its
// fingerprint: the PDFs in their keywords, the spreadsheet on its Transfer sheet). No label decides whether these
// checks run: a bag is held to them when anything in it claims to be a Transmittal package (a manifest in any
// spelling of the format, a Manifest-Fingerprint in bag-info.txt, a fingerprint in its documents).
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import * as XLSX from 'xlsx';
import { FINGERPRINT_KEYWORD } from '../../../shared/documents/pdf-document';
import { anyManifestSchema, currentManifestView, MANIFEST_FORMAT, type Manifest } from '../../../shared/exchange/manifest';
import { hasErrorCode } from '../../storage/file-system';
import { NotRegularFileError, readRegularFile } from '../../storage/regular-file';
import { manifestFingerprint } from '../fingerprint';
import type { BagProblem } from './bag-report';
import { bagInfoValues, decodeTagBytes, parseBagInfo } from './tag-text';
import { recordsErrors } from './check-records';
import { renderingErrors } from './check-renderings';

export const MANIFEST_FILE = 'data/manifest.json';
const FORMAT_PREFIX = 'transmittal-manifest/';

export interface ManifestCheck {
  /** False when the bag holds no Transmittal manifest: nothing beyond BagIt to check. */
  present: boolean;
  errors: BagProblem[];
  transferNumber?: string;
  fingerprint?: string;
}

/** Large enough for any manifest the app writes (a million folders is ~300 MB of JSON); refused above. */
const MAX_MANIFEST_BYTES = 1024 ** 3;
const MAX_DOCUMENT_BYTES = 512 * 1024 ** 2;

type Read<T> = { kind: 'absent' } | { kind: 'strange'; message: string } | { kind: 'read'; value: T };

async function readBagFile(path: string, maxBytes: number): Promise<Read<Buffer>> {
  try {
    return { kind: 'read', value: await readRegularFile(path, { maxBytes }) };
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT', 'ENOTDIR')) return { kind: 'absent' };
    if (error instanceof NotRegularFileError) return { kind: 'strange', message: `is ${error.kind}, not a file` };
    if (hasErrorCode(error, 'EISDIR')) return { kind: 'strange', message: 'is a folder, not a file' };
    if (hasErrorCode(error, 'EFBIG')) return { kind: 'strange', message: `is larger than ${maxBytes} bytes` };
    throw error;
  }
}

/** The Manifest-Fingerprint recorded in bag-info.txt, if any (bags we write declare UTF-8 and BagIt 1.0). */
async function recordedFingerprint(bagDir: string): Promise<string | undefined> {
  const read = await readBagFile(join(bagDir, 'bag-info.txt'), 16 * 1024 ** 2);
  const text = read.kind === 'read' ? decodeTagBytes(new Uint8Array(read.value), 'utf-8') : null;
  if (!text) return undefined;
  return bagInfoValues(parseBagInfo(text, '1.0').elements, 'Manifest-Fingerprint')[0]?.trim();
}

/** A manifest.json that looks like ours by any spelling of its format, or by its shape. */
function claimsToBeOurs(json: unknown, text: string): boolean {
  if (typeof json !== 'object' || json === null) return /transmittal/i.test(text.slice(0, 4096));
  const format = (json as { format?: unknown }).format;
  if (typeof format === 'string' && /transmittal/i.test(format)) return true;
  return 'transfer' in json && 'boxes' in json;
}

/** Where a schema issue is, as a person reads it: "boxes.3.folders.0.beginDate". */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(the whole manifest)' : path.map(String).join('.');
}

/**
 * Checks a bag as a Transmittal package when anything in it claims to be one. Another tool's bag may hold a file
 * named manifest.json; it is left alone only when nothing else in the bag speaks of a Transmittal manifest.
 */
export async function checkTransmittalManifest(bagDir: string): Promise<ManifestCheck> {
  const recorded = await recordedFingerprint(bagDir);
  const documents = await readDocuments(bagDir);
  const documentClaims = documents.filter((document) => typeof document.recorded === 'string');
  const manifestRead = await readBagFile(join(bagDir, MANIFEST_FILE), MAX_MANIFEST_BYTES);
  const claimedElsewhere = recorded !== undefined || documentClaims.length > 0;
  const claimants = [
    ...(recorded !== undefined ? [`bag-info.txt (Manifest-Fingerprint ${recorded})`] : []),
    ...documentClaims.map((document) => `data/${document.name}`),
  ];

  if (manifestRead.kind !== 'read') {
    if (!claimedElsewhere) return { present: false, errors: [] };
    const why = manifestRead.kind === 'absent' ? 'is missing' : manifestRead.message;
    return {
      present: true,
      errors: [{ file: MANIFEST_FILE, message: `${why}, but ${claimants.join(' and ')} speak of a Transmittal manifest: this package has lost its manifest` }],
    };
  }
  const text = manifestRead.value.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (!claimedElsewhere && !/transmittal/i.test(text.slice(0, 4096))) return { present: false, errors: [] };
    return { present: true, errors: [{ file: MANIFEST_FILE, message: `is not valid JSON (${(error as Error).message})` }] };
  }
  if (!claimedElsewhere && !claimsToBeOurs(json, text)) return { present: false, errors: [] };

  const errors: BagProblem[] = [];
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format !== 'string' || !format.startsWith(FORMAT_PREFIX)) {
    errors.push({
      file: MANIFEST_FILE,
      message: `field format is ${JSON.stringify(format ?? null)}, which is not a Transmittal manifest format ("${FORMAT_PREFIX}1"): a package whose format was renamed is not trusted`,
    });
  }
  // The fingerprint is of the manifest as written, not as the schema reads it (defaults filled, unknowns dropped),
  // and is checked whatever the format says: a renamed format must not switch the check off.
  const fingerprint = typeof json === 'object' && json !== null ? await manifestFingerprint(json as Manifest) : undefined;
  if (fingerprint !== undefined) {
    if (recorded === undefined) {
      errors.push({ file: 'bag-info.txt', message: 'has no Manifest-Fingerprint, so the receipt’s fingerprint cannot be checked' });
    } else if (recorded.toLowerCase() !== fingerprint) {
      errors.push({
        file: MANIFEST_FILE,
        message: `has fingerprint ${fingerprint}, but bag-info.txt records ${recorded}: the manifest is not the one the receipt was printed from`,
      });
    }
    errors.push(...documentErrors(documents, fingerprint));
  }
  // Every format this version has written is read; a format 1 manifest keeps its own fields and fingerprint.
  const parsed = anyManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.filter((issue) => !(errors.length > 0 && issue.path.join('.') === 'format'));
    errors.push(
      ...issues.slice(0, MAX_SCHEMA_ERRORS).map((issue) => ({
        file: MANIFEST_FILE,
        message: `field ${fieldPath(issue.path)} does not match the manifest schema: ${issue.message}`,
      })),
    );
    if (issues.length > MAX_SCHEMA_ERRORS) errors.push({ file: MANIFEST_FILE, message: `and ${issues.length - MAX_SCHEMA_ERRORS} more fields do not match the schema` });
    return { present: true, errors, fingerprint };
  }
  const manifest = currentManifestView(parsed.data);
  errors.push(...consistencyErrors(manifest), ...(await recordsErrors(bagDir, manifest)));
  // Spreadsheets made by this format's code are compared cell by cell; a format 1 package's were made by older code.
  if (parsed.data.format === MANIFEST_FORMAT && fingerprint !== undefined) errors.push(...(await renderingErrors(bagDir, manifest, fingerprint)));
  return { present: true, errors, transferNumber: parsed.data.transfer.number, fingerprint };
}

const MAX_SCHEMA_ERRORS = 20;

/** What the schema cannot say: the totals are the boxes' own, and boxes are numbered 1 to N "of N". */
function consistencyErrors(manifest: Manifest): BagProblem[] {
  const errors: BagProblem[] = [];
  const problem = (message: string) => errors.push({ file: MANIFEST_FILE, message });
  const { totals } = manifest.transfer;
  const boxes = manifest.boxes.length;
  const folders = manifest.boxes.reduce((sum, box) => sum + box.folders.length, 0);
  const cubicFeet = manifest.boxes.reduce((sum, box) => sum + box.cubicFeet, 0);
  if (totals.boxes !== boxes) problem(`field transfer.totals.boxes says ${totals.boxes}, but the manifest lists ${boxes} boxes`);
  if (totals.folders !== folders) problem(`field transfer.totals.folders says ${totals.folders}, but the boxes list ${folders} folders`);
  if (Math.abs(totals.cubicFeet - cubicFeet) > 0.005) problem(`field transfer.totals.cubicFeet says ${totals.cubicFeet}, but the boxes add up to ${Math.round(cubicFeet * 100) / 100}`);
  const ids = new Set<string>();
  manifest.boxes.forEach((box, index) => {
    if (box.sequence !== index + 1 || box.of !== boxes) {
      problem(`field boxes.${index} is box ${box.sequence} of ${box.of}, but it is box ${index + 1} of ${boxes} in the manifest`);
    }
    if (ids.has(box.boxId)) problem(`field boxes.${index}.boxId repeats box id ${box.boxId}`);
    ids.add(box.boxId);
  });
  return errors;
}

interface PackageDocument {
  name: string;
  /** The fingerprint it records, why none can be read, or null when the bag does not hold it. */
  recorded: string | { unreadable: string };
}

async function readDocuments(bagDir: string): Promise<PackageDocument[]> {
  const documents: PackageDocument[] = [];
  for (const name of ['receipt.pdf', 'labels.pdf', 'manifest.xlsx']) {
    const read = await readBagFile(join(bagDir, 'data', name), MAX_DOCUMENT_BYTES);
    if (read.kind === 'absent') continue;
    documents.push({ name, recorded: read.kind === 'strange' ? { unreadable: read.message } : await documentFingerprint(name, new Uint8Array(read.value)) });
  }
  return documents;
}

/** The fingerprint a document of the package records, or why none can be read. */
async function documentFingerprint(name: string, bytes: Uint8Array): Promise<string | { unreadable: string }> {
  if (name.endsWith('.pdf')) {
    try {
      const pdf = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: false });
      const keyword = (pdf.getKeywords() ?? '').split(/\s+/).find((word) => word.startsWith(FINGERPRINT_KEYWORD));
      return keyword ? keyword.slice(FINGERPRINT_KEYWORD.length) : { unreadable: 'records no manifest fingerprint' };
    } catch {
      return { unreadable: 'cannot be read as a PDF' };
    }
  }
  try {
    const sheet = XLSX.read(bytes, { type: 'array', sheets: 'Transfer' }).Sheets.Transfer;
    const rows = sheet ? XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false }) : [];
    const row = rows.find((cells) => String(cells[0] ?? '').startsWith('Fingerprint'));
    return row ? String(row[1] ?? '').trim() : { unreadable: 'has no fingerprint on its Transfer sheet' };
  } catch {
    return { unreadable: 'cannot be read as a spreadsheet' };
  }
}

/** Each rendering of the manifest the bag holds must say it was made from this manifest. */
function documentErrors(documents: PackageDocument[], fingerprint: string): BagProblem[] {
  const errors: BagProblem[] = [];
  for (const { name, recorded } of documents) {
    if (typeof recorded !== 'string') {
      errors.push({ file: `data/${name}`, message: recorded.unreadable });
    } else if (recorded.toLowerCase() !== fingerprint) {
      errors.push({ file: `data/${name}`, message: `was made from the manifest with fingerprint ${recorded}, not from this manifest (${fingerprint})` });
    }
  }
  return errors;
}
