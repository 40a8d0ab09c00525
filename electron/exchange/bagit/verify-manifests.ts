// Completeness and checksums (RFC 8493 §3): every payload file in every payload manifest, every listed file
// present, every checksum matching. Names are compared exactly, with two allowances the conformance suite asks for:
// a name listed again in another letter case or Unicode form is one file (a warning), and a file whose name on
// disk is in another Unicode form than in the manifest (macOS rewrites names) is found with a warning.
import { isSystemFile } from './bag-paths';
import type { Findings } from './bag-report';
import { hashFiles, type BagListing } from './bag-files';
import type { ManifestEntry, ManifestKind } from './manifest-lines';

export interface ManifestToCheck {
  /** Its file name in the bag root, e.g. "manifest-sha256.txt". */
  file: string;
  kind: ManifestKind;
  algorithm: string;
  /** False when the algorithm is unknown: listed names are still checked, checksums are not. */
  checksums: boolean;
  entries: ManifestEntry[];
}

export interface ManifestCheckContext {
  root: string;
  listing: BagListing;
  /** BagIt 1.0 forbids listing a file twice; 0.97 only warns (the conformance suite's two cases). */
  strict: boolean;
  /** Paths fetch.txt promises to fetch: missing, they make the bag incomplete rather than damaged. */
  fetchPaths: Set<string>;
}

export interface ManifestCheckResult {
  /** Listed operating-system files (.DS_Store…) that are not on disk. */
  missingSystemFiles: Set<string>;
}

const fold = (path: string) => path.normalize('NFC').toLowerCase();

interface ChecksumJob {
  path: string;
  algorithm: string;
  expected: string;
  manifest: string;
}

/**
 * Reports files listed twice in one manifest. Answers each listed path with its checksum, or null when the lines
 * disagree: the file counts as listed, but there is no one checksum to check it against.
 */
function uniqueEntries(manifest: ManifestToCheck, strict: boolean, findings: Findings): Map<string, string | null> {
  const byPath = new Map<string, ManifestEntry[]>();
  for (const entry of manifest.entries) byPath.set(entry.path, [...(byPath.get(entry.path) ?? []), entry]);
  const unique = new Map<string, string | null>();
  for (const [path, entries] of byPath) {
    const lines = entries.map((entry) => entry.line).join(', ');
    if (new Set(entries.map((entry) => entry.checksum)).size > 1) {
      findings.error(manifest.file, `lists ${path} more than once with different checksums (lines ${lines})`);
      unique.set(path, null);
      continue;
    }
    if (entries.length > 1) {
      const message = `lists ${path} more than once (lines ${lines})`;
      if (strict) findings.error(manifest.file, `${message}; BagIt 1.0 allows each file once`);
      else findings.warn(manifest.file, message);
    }
    unique.set(path, entries[0].checksum);
  }
  return unique;
}

export async function checkManifests(manifests: ManifestToCheck[], context: ManifestCheckContext, findings: Findings): Promise<ManifestCheckResult> {
  const { listing } = context;
  const jobs: ChecksumJob[] = [];
  const missing = new Map<string, string[]>();
  const missingSystemFiles = new Set<string>();

  for (const manifest of manifests) {
    const onDisk = manifest.kind === 'payload' ? listing.payload : listing.tag;
    const byNormalForm = new Map<string, string>([...onDisk.keys()].map((path) => [path.normalize('NFC'), path]));
    const unique = uniqueEntries(manifest, context.strict, findings);
    const listedByFold = new Map<string, string[]>();
    for (const path of unique.keys()) listedByFold.set(fold(path), [...(listedByFold.get(fold(path)) ?? []), path]);
    const covered = new Set<string>();
    for (const [path, checksum] of unique) {
      let target: string | undefined = onDisk.has(path) ? path : undefined;
      if (!target) {
        const twin = listedByFold.get(fold(path))?.find((other) => other !== path && onDisk.has(other));
        if (twin) {
          findings.warn(manifest.file, `lists both "${path}" and "${twin}", which differ only in letter case or Unicode form and are one file on macOS and Windows`);
          if (unique.get(twin) !== checksum && checksum !== null) findings.error(manifest.file, `gives "${path}" and "${twin}" different checksums`);
          continue;
        }
        target = byNormalForm.get(path.normalize('NFC'));
        if (target) findings.warn(target, `is listed in ${manifest.file} as "${path}", the same name in another Unicode form`);
      }
      if (!target) {
        missing.set(path, [...(missing.get(path) ?? []), manifest.file]);
        continue;
      }
      covered.add(target);
      if (manifest.checksums && checksum !== null) jobs.push({ path: target, algorithm: manifest.algorithm, expected: checksum, manifest: manifest.file });
    }
    if (manifest.kind === 'payload') {
      for (const path of listing.payload.keys()) {
        if (!covered.has(path)) findings.error(path, `is in the payload but not listed in ${manifest.file}`);
      }
    }
  }

  for (const [path, manifestFiles] of missing) {
    const where = manifestFiles.join(', ');
    if (context.fetchPaths.has(path)) {
      findings.error(path, `is to be fetched (fetch.txt) but is not here: the bag is incomplete, and Transmittal does not fetch files`);
    } else if (isSystemFile(path)) {
      missingSystemFiles.add(path);
      findings.warn(path, `is listed in ${where} but missing; it is an operating-system file that copying tools often drop, not a record`);
    } else {
      findings.error(path, `is listed in ${where} but missing from the bag`);
    }
  }

  const wanted = new Map<string, Set<string>>();
  for (const job of jobs) wanted.set(job.path, (wanted.get(job.path) ?? new Set()).add(job.algorithm));
  const actual = await hashFiles(context.root, wanted);
  for (const job of jobs) {
    if (actual.get(job.path)?.get(job.algorithm) !== job.expected) {
      findings.error(job.path, `does not match its ${job.algorithm} checksum in ${job.manifest}: the file was changed or damaged`);
    }
  }
  return { missingSystemFiles };
}
