// The checks only a Transmittal package gets on top of BagIt's: data/manifest.json must follow the published
// schema and agree with itself (totals, box numbering), its fingerprint must be the one bag-info.txt records, and
// the receipt, labels and spreadsheet in the bag must have been made from this manifest (each records its
// fingerprint: the PDFs in their keywords, the spreadsheet on its Transfer sheet).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import * as XLSX from 'xlsx';
import { FINGERPRINT_KEYWORD } from '../../../shared/documents/pdf-document';
import { manifestSchema, type Manifest } from '../../../shared/exchange/manifest';
import { hasErrorCode } from '../../storage/file-system';
import { manifestFingerprint } from '../fingerprint';
import type { BagProblem } from './bag-report';
import { bagInfoValues, decodeTagBytes, parseBagInfo } from './tag-text';

export const MANIFEST_FILE = 'data/manifest.json';
const FORMAT_PREFIX = 'transmittal-manifest/';

export interface ManifestCheck {
  /** False when the bag holds no Transmittal manifest: nothing beyond BagIt to check. */
  present: boolean;
  errors: BagProblem[];
  transferNumber?: string;
  fingerprint?: string;
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT', 'ENOTDIR', 'EISDIR')) return null;
    throw error;
  }
}

/** The Manifest-Fingerprint recorded in bag-info.txt, if any (bags we write declare UTF-8 and BagIt 1.0). */
async function recordedFingerprint(bagDir: string): Promise<string | undefined> {
  const bytes = await readFile(join(bagDir, 'bag-info.txt')).catch(() => null);
  const text = bytes && decodeTagBytes(new Uint8Array(bytes), 'utf-8');
  if (!text) return undefined;
  return bagInfoValues(parseBagInfo(text, '1.0').elements, 'Manifest-Fingerprint')[0]?.trim();
}

/** Where a schema issue is, as a person reads it: "boxes.3.folders.0.beginDate". */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(the whole manifest)' : path.map(String).join('.');
}

/**
 * Checks data/manifest.json when the bag has one in Transmittal's format. Another tool's bag may well hold a file
 * of that name, so only a "format": "transmittal-manifest/…" file is held to our schema.
 */
export async function checkTransmittalManifest(bagDir: string): Promise<ManifestCheck> {
  const text = await readText(join(bagDir, MANIFEST_FILE));
  if (text === null) return { present: false, errors: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const looksOurs = text.includes(`"${FORMAT_PREFIX}`);
    if (!looksOurs) return { present: false, errors: [] };
    return { present: true, errors: [{ file: MANIFEST_FILE, message: `is not valid JSON (${(error as Error).message})` }] };
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format !== 'string' || !format.startsWith(FORMAT_PREFIX)) return { present: false, errors: [] };

  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const errors = issues.slice(0, MAX_SCHEMA_ERRORS).map((issue) => ({
      file: MANIFEST_FILE,
      message: `field ${fieldPath(issue.path)} does not match the manifest schema: ${issue.message}`,
    }));
    if (issues.length > MAX_SCHEMA_ERRORS) errors.push({ file: MANIFEST_FILE, message: `and ${issues.length - MAX_SCHEMA_ERRORS} more fields do not match the schema` });
    return { present: true, errors };
  }
  // The fingerprint is of the manifest as written, not as the schema reads it (defaults filled, unknowns dropped).
  const fingerprint = await manifestFingerprint(json as Manifest);
  const recorded = await recordedFingerprint(bagDir);
  const errors: BagProblem[] = consistencyErrors(parsed.data);
  if (recorded === undefined) {
    errors.push({ file: 'bag-info.txt', message: 'has no Manifest-Fingerprint, so the receipt’s fingerprint cannot be checked' });
  } else if (recorded.toLowerCase() !== fingerprint) {
    errors.push({
      file: MANIFEST_FILE,
      message: `has fingerprint ${fingerprint}, but bag-info.txt records ${recorded}: the manifest is not the one the receipt was printed from`,
    });
  }
  errors.push(...(await documentErrors(bagDir, fingerprint)));
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

async function readPayload(bagDir: string, name: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(join(bagDir, 'data', name)));
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT', 'ENOTDIR', 'EISDIR')) return null;
    throw error;
  }
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
async function documentErrors(bagDir: string, fingerprint: string): Promise<BagProblem[]> {
  const errors: BagProblem[] = [];
  for (const name of ['receipt.pdf', 'labels.pdf', 'manifest.xlsx']) {
    const bytes = await readPayload(bagDir, name);
    if (bytes === null) continue;
    const recorded = await documentFingerprint(name, bytes);
    if (typeof recorded !== 'string') {
      errors.push({ file: `data/${name}`, message: recorded.unreadable });
    } else if (recorded.toLowerCase() !== fingerprint) {
      errors.push({ file: `data/${name}`, message: `was made from the manifest with fingerprint ${recorded}, not from this manifest (${fingerprint})` });
    }
  }
  return errors;
}
