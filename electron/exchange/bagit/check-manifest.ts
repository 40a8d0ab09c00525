// The checks only a Transmittal package gets on top of BagIt's: data/manifest.json must follow the published
// schema, and its fingerprint must be the one bag-info.txt records (and the receipt prints).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
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
    const issue = parsed.error.issues[0];
    return { present: true, errors: [{ file: MANIFEST_FILE, message: `field ${fieldPath(issue.path)} does not match the manifest schema: ${issue.message}` }] };
  }
  // The fingerprint is of the manifest as written, not as the schema reads it (defaults filled, unknowns dropped).
  const fingerprint = await manifestFingerprint(json as Manifest);
  const recorded = await recordedFingerprint(bagDir);
  const errors: BagProblem[] = [];
  if (recorded === undefined) {
    errors.push({ file: 'bag-info.txt', message: 'has no Manifest-Fingerprint, so the receipt’s fingerprint cannot be checked' });
  } else if (recorded.toLowerCase() !== fingerprint) {
    errors.push({
      file: MANIFEST_FILE,
      message: `has fingerprint ${fingerprint}, but bag-info.txt records ${recorded}: the manifest is not the one the receipt was printed from`,
    });
  }
  return { present: true, errors, transferNumber: parsed.data.transfer.number, fingerprint };
}
