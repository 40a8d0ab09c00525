// The electronic records of a Transmittal package: every file the manifest lists under electronicItems must be in
// the payload with the size and SHA-256 the manifest gives (the bag's own manifest-sha256.txt, which BagIt checking
// holds to the bytes, is what is compared), and no file may sit under data/records/ without being listed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest } from '../../../shared/exchange/manifest';
import { listBag } from './bag-files';
import type { BagProblem } from './bag-report';
import { parseManifest } from './manifest-lines';

const RECORDS_PREFIX = 'data/records/';

export async function recordsErrors(bagDir: string, manifest: Manifest): Promise<BagProblem[]> {
  const errors: BagProblem[] = [];
  const listing = await listBag(bagDir);
  let checksums = new Map<string, string>();
  try {
    const parsed = parseManifest(await readFile(join(bagDir, 'manifest-sha256.txt'), 'utf8'), 'sha256', 'payload');
    checksums = new Map(parsed.entries.map((entry) => [entry.path, entry.checksum.toLowerCase()]));
  } catch {
    // A bag without a SHA-256 payload manifest is reported by the BagIt checks; the sizes are still compared here.
  }
  const listed = new Set<string>();
  manifest.electronicItems.forEach((item, index) => {
    const path = `data/${item.relativePath}`;
    listed.add(path);
    const size = listing.payload.get(path);
    if (size === undefined) {
      errors.push({ file: path, message: `is listed in the manifest (electronicItems.${index}) but is not in the package` });
      return;
    }
    if (size !== item.size) errors.push({ file: path, message: `is ${size} bytes, but the manifest says ${item.size}` });
    const checksum = checksums.get(path);
    if (checksum !== undefined && checksum !== item.sha256) {
      errors.push({ file: path, message: `has SHA-256 ${checksum}, but the manifest says ${item.sha256}: it is not the file that was sent` });
    }
  });
  for (const path of listing.payload.keys()) {
    if (path.startsWith(RECORDS_PREFIX) && !listed.has(path)) errors.push({ file: path, message: 'is an electronic record the manifest does not list' });
  }
  return errors;
}
