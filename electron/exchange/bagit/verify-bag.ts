// Verifies any BagIt bag, ours or not, by RFC 8493 (versions 0.97 and 1.0): a folder or a zip holding one. Every
// rule the RFC states with MUST is an error; what it recommends (SHOULD) and what the conformance suite calls
// "warning" is a warning. Nothing is fetched and nothing in the bag is written.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/domain/errors';
import { hasErrorCode } from '../../storage/file-system';
import { kindOf, NotRegularFileError, readRegularFile } from '../../storage/regular-file';
import { unzipToTemp } from '../zip';
import { listBag, type BagListing } from './bag-files';
import { isSystemFile } from './bag-paths';
import { Findings, type BagInfoSummary, type BagReport } from './bag-report';
import { isSupportedAlgorithm, manifestNameKind, parseFetch, parseManifest, STRONG_ALGORITHMS, type FetchEntry } from './manifest-lines';
import { bagInfoValues, decodeTagBytes, isStrictVersion, parseBagInfo, parseDeclaration } from './tag-text';
import { checkManifests, type ManifestToCheck } from './verify-manifests';

export type { BagProblem, BagReport } from './bag-report';

/** Verifies a bag folder, or a .zip holding one (unpacked to a temporary folder that is removed afterwards). */
export async function verifyBag(dirOrZip: string): Promise<BagReport> {
  return withBagDirectory(dirOrZip, verifyBagDirectory);
}

/**
 * Runs `work` on the bag's folder: the folder itself, or the bag inside a zip (at the top, or in the zip's one top
 * folder, as BagIt zips usually are). Unsafe zips are refused with an AppError before anything is unpacked.
 */
export async function withBagDirectory<T>(dirOrZip: string, work: (bagRoot: string) => Promise<T>): Promise<T> {
  let stats;
  try {
    stats = await stat(dirOrZip);
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT', 'ENOTDIR')) throw new AppError('file-not-found', `${dirOrZip} does not exist.`, { file: dirOrZip });
    throw error;
  }
  if (stats.isDirectory()) return work(dirOrZip);
  if (!stats.isFile()) throw new AppError('invalid-input', `${dirOrZip} is ${kindOf(stats)}, not a package folder or a .zip.`, { file: dirOrZip });
  const unzipped = await unzipToTemp(dirOrZip);
  try {
    return await work(await findBagRoot(unzipped.dir));
  } finally {
    await unzipped.cleanup();
  }
}

/** The bag in an unpacked zip: at its top, or in its one top folder (Finder's __MACOSX and .DS_Store aside). */
async function findBagRoot(top: string): Promise<string> {
  const names = (await readdir(top, { withFileTypes: true })).filter((entry) => entry.name !== '__MACOSX' && !isSystemFile(entry.name));
  if (names.some((entry) => entry.name === 'bagit.txt')) return top;
  return names.length === 1 && names[0].isDirectory() ? join(top, names[0].name) : top;
}

async function readIfPresent(path: string, findings: Findings, name: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readRegularFile(path));
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT', 'ENOTDIR', 'EISDIR')) return null;
    if (error instanceof NotRegularFileError) {
      findings.error(name, `is ${error.kind}, not a file; a bag holds plain files only`);
      return null;
    }
    throw error;
  }
}

/** Reserved bag-info elements that describe the whole bag once (RFC 8493 §2.2.2). */
const SINGLE_VALUED = ['Bagging-Date', 'Payload-Oxum', 'Bag-Size', 'Bag-Count', 'Bag-Group-Identifier'];

export async function verifyBagDirectory(root: string): Promise<BagReport> {
  const findings = new Findings();
  const info: BagInfoSummary = { version: '', bagInfo: [], payloadFiles: 0, payloadBytes: 0 };
  const declarationBytes = await readIfPresent(join(root, 'bagit.txt'), findings, 'bagit.txt');
  if (!declarationBytes) {
    if (findings.errors.length === 0) findings.error('bagit.txt', 'is missing: this folder is not a BagIt bag');
    return findings.report(info);
  }
  const declared = parseDeclaration(declarationBytes);
  declared.problems.forEach((problem) => findings.error('bagit.txt', problem));
  declared.notes.forEach((note) => findings.warn('bagit.txt', note));
  if (!declared.declaration) return findings.report(info);
  const declaration = declared.declaration;
  info.version = declaration.version;

  const listing = await listBag(root);
  info.payloadFiles = listing.payload.size;
  info.payloadBytes = [...listing.payload.values()].reduce((sum, size) => sum + size, 0);
  if (!listing.hasPayloadDirectory) findings.error('data', 'is missing: every bag has a payload folder named data');
  listing.strange.forEach((path) => findings.error(path, 'is a symbolic link or special file; a bag holds plain files only'));

  const readTagText = async (file: string): Promise<string | null> => {
    const bytes = await readIfPresent(join(root, file), findings, file);
    if (bytes === null) return null;
    const text = decodeTagBytes(bytes, declaration.encoding);
    if (text === null) findings.error(file, `is not valid ${declaration.encoding}, the encoding bagit.txt declares`);
    return text;
  };

  if (listing.tag.has('bag-info.txt')) {
    const text = await readTagText('bag-info.txt');
    if (text !== null) {
      const parsed = parseBagInfo(text, declaration.version);
      parsed.problems.forEach((problem) => findings.error('bag-info.txt', problem));
      info.bagInfo = parsed.elements;
    }
  }

  let fetchEntries: FetchEntry[] = [];
  if (listing.tag.has('fetch.txt')) {
    const text = await readTagText('fetch.txt');
    if (text !== null) {
      const parsed = parseFetch(text);
      parsed.problems.forEach((problem) => findings.error('fetch.txt', problem));
      parsed.notes.forEach((note) => findings.warn('fetch.txt', note));
      fetchEntries = parsed.entries;
    }
  }

  const manifests = await readManifests(listing, readTagText, findings);
  checkFetchListed(fetchEntries, manifests, findings);
  const { missingSystemFiles } = await checkManifests(
    manifests,
    { root, listing, strict: isStrictVersion(declaration.version), fetchPaths: new Set(fetchEntries.map((entry) => entry.path)) },
    findings,
  );
  checkBagInfoElements(info, missingSystemFiles, findings);
  for (const path of listing.payload.keys()) {
    if (isSystemFile(path)) findings.warn(path, 'is an operating-system file, not a record; it should not travel in a bag');
  }
  return findings.report(info);
}

async function readManifests(listing: BagListing, readTagText: (file: string) => Promise<string | null>, findings: Findings): Promise<ManifestToCheck[]> {
  const manifests: ManifestToCheck[] = [];
  for (const file of listing.tag.keys()) {
    const named = file.includes('/') ? null : manifestNameKind(file);
    if (!named) continue;
    const checksums = isSupportedAlgorithm(named.algorithm);
    if (!checksums) findings.warn(file, `uses the ${named.algorithm} algorithm, which Transmittal cannot compute: its checksums are not checked`);
    const text = await readTagText(file);
    if (text === null) continue;
    const parsed = parseManifest(text, named.algorithm, named.kind);
    parsed.problems.forEach((problem) => findings.error(file, problem));
    parsed.notes.forEach((note) => findings.warn(file, note));
    manifests.push({ file, ...named, checksums, entries: parsed.entries });
  }
  const payload = manifests.filter((manifest) => manifest.kind === 'payload');
  if (payload.length === 0) findings.error(undefined, 'The bag has no payload manifest (manifest-<algorithm>.txt).');
  else if (!payload.some((manifest) => manifest.checksums)) findings.error(undefined, 'No payload manifest uses an algorithm Transmittal can check.');
  else if (!payload.some((manifest) => STRONG_ALGORITHMS.includes(manifest.algorithm))) {
    findings.warn(undefined, 'The payload manifests use only older checksums (MD5 or SHA-1); RFC 8493 recommends SHA-256 or SHA-512.');
  }
  return manifests;
}

/** RFC 8493 §2.2.3: a file to be fetched is still part of the payload, so every payload manifest lists it. */
function checkFetchListed(fetchEntries: FetchEntry[], manifests: ManifestToCheck[], findings: Findings): void {
  for (const manifest of manifests.filter((each) => each.kind === 'payload')) {
    const listed = new Set(manifest.entries.map((entry) => entry.path));
    for (const entry of fetchEntries) {
      if (!listed.has(entry.path)) findings.error('fetch.txt', `line ${entry.line} names ${entry.path}, which ${manifest.file} does not list`);
    }
  }
}

/** Payload-Oxum ("octets.files") must describe the payload on disk; single-valued elements should appear once. */
function checkBagInfoElements(info: BagInfoSummary, missingSystemFiles: Set<string>, findings: Findings): void {
  for (const label of SINGLE_VALUED) {
    const count = bagInfoValues(info.bagInfo, label).length;
    if (count > 1) findings.warn('bag-info.txt', `has ${label} ${count} times; it describes the whole bag and should appear once`);
  }
  const oxum = bagInfoValues(info.bagInfo, 'Payload-Oxum')[0];
  if (oxum === undefined) return;
  const match = /^\s*(\d+)\.(\d+)\s*$/.exec(oxum);
  if (!match) {
    findings.error('bag-info.txt', `Payload-Oxum "${oxum}" is not "octets.files"`);
    return;
  }
  const [octets, files] = [Number(match[1]), Number(match[2])];
  if (octets === info.payloadBytes && files === info.payloadFiles) return;
  const fileCount = (count: number) => `${count} ${count === 1 ? 'file' : 'files'}`;
  const said = `Payload-Oxum says ${octets} bytes in ${fileCount(files)} but data/ holds ${info.payloadBytes} bytes in ${fileCount(info.payloadFiles)}`;
  // The dropped .DS_Store and Thumbs.db files reported above explain the difference: warned, not refused.
  if (missingSystemFiles.size > 0 && files === info.payloadFiles + missingSystemFiles.size && octets >= info.payloadBytes) {
    findings.warn('bag-info.txt', `${said}; the difference is the missing operating-system files`);
  } else {
    findings.error('bag-info.txt', said);
  }
}
