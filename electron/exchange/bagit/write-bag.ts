// Writes a BagIt 1.0 bag (RFC 8493) with SHA-256 manifests. The bag is built in a hidden sibling folder and
// renamed into place at the end, so a failure never leaves half a bag where a complete one is expected.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { AppError } from '../../../shared/domain/errors';
import { isPlainRelativePath, unsafePathReason } from './bag-paths';
import { copyRecordedFile, type BagSource } from './copy-file';
import { formatManifest, manifestNameKind } from './manifest-lines';
import { badLabelReason, bagInfoValues, formatBagInfo } from './tag-text';
import { pad } from '../../../shared/domain/words';

/** Bytes built in memory: the package's own documents, and every tag file. */
export interface BagBytes {
  /** Relative path with forward slashes: under data/ for the payload, from the bag root for tag files. */
  path: string;
  bytes: Uint8Array;
}

export type { BagSource } from './copy-file';

/** A payload file: bytes in memory, or a file on disk streamed into the bag (records can be gigabytes). */
export type BagFile = BagBytes | BagSource;

/** The bytes a payload file adds to the bag, as Payload-Oxum counts them. */
export function bagFileSize(file: BagFile): number {
  return 'bytes' in file ? file.bytes.length : file.size;
}

export interface BagContents {
  /** Payload files, paths relative to data/. */
  payload: BagFile[];
  /** bag-info.txt elements in the order they are written; Payload-Oxum and Bagging-Date are added when absent. */
  bagInfo: [string, string][];
  /** Extra tag files in the bag root or its subfolders (never data/); covered by the tag manifest. */
  tagFiles?: BagBytes[];
  /** The clock for Bagging-Date; tests pass a fixed one. */
  now?: Date;
}

const DECLARATION = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
const RESERVED_TAG_FILES = ['bagit.txt', 'bag-info.txt', 'fetch.txt'];

function refusePath(path: string, why: string): AppError {
  return new AppError('invalid-input', `Cannot put "${path}" in a bag: it ${why}.`, { file: path });
}

/**
 * Throws unless `path` stays inside its folder on every system a bag may be unpacked on. A payload name may start
 * with "~" or "%": under data/ no shell or Windows expands it.
 */
function checkRelativePath(path: string, inPayload: boolean): void {
  const unsafe = unsafePathReason(inPayload ? path.replace(/^[~%]/, '_') : path);
  if (unsafe) throw refusePath(path, unsafe);
  if (path.includes('\\')) throw refusePath(path, 'contains a backslash, which Windows reads as a folder separator');
  if (!isPlainRelativePath(path)) throw refusePath(path, 'has empty or "." parts');
}

/** Refuses duplicates and a name used both as a file and as a folder ("a" and "a/b"). */
function checkNoClashes(paths: string[]): void {
  const files = new Set<string>();
  for (const path of paths) {
    if (files.has(path)) throw refusePath(path, 'is given twice');
    files.add(path);
  }
  for (const path of paths) {
    const parts = path.split('/');
    for (let end = 1; end < parts.length; end += 1) {
      const folder = parts.slice(0, end).join('/');
      if (files.has(folder)) throw refusePath(folder, `is both a file and the folder of "${path}"`);
    }
  }
}

function checkContents(contents: BagContents): void {
  const payloadPaths = contents.payload.map((file) => file.path);
  payloadPaths.forEach((path) => checkRelativePath(path, true));
  const tagPaths = (contents.tagFiles ?? []).map((file) => file.path);
  for (const path of tagPaths) {
    checkRelativePath(path, false);
    if (path === 'data' || path.startsWith('data/')) throw refusePath(path, 'is a tag file but lies in the payload folder data/');
    if (RESERVED_TAG_FILES.includes(path) || manifestNameKind(path)) throw refusePath(path, 'is a name the bag writes itself');
  }
  checkNoClashes([...payloadPaths.map((path) => `data/${path}`), ...tagPaths]);
  for (const file of contents.payload) {
    if ('bytes' in file) continue;
    if (!isAbsolute(file.source)) throw refusePath(file.path, `comes from "${file.source}", which is not a full path`);
    if (!Number.isSafeInteger(file.size) || file.size < 0 || !/^[0-9a-f]{64}$/i.test(file.sha256)) {
      throw refusePath(file.path, 'has no recorded size and SHA-256 checksum to check the copy against');
    }
  }
  for (const [label, value] of contents.bagInfo) {
    const why = badLabelReason(label);
    if (why) throw new AppError('invalid-input', `Cannot write the bag-info.txt label "${label}": it ${why}.`, { field: label });
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) {
      throw new AppError('invalid-input', `The bag-info.txt value of ${label} contains control characters.`, { field: label });
    }
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** "2026-03-15" in the local calendar, as RFC 8493 writes Bagging-Date. */
function isoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The finished bag-info elements: the caller's, in order, plus Payload-Oxum and Bagging-Date when they lack them. */
function completeBagInfo(contents: BagContents, payloadOxum: string): [string, string][] {
  const elements = contents.bagInfo.map(([label, value]): [string, string] => [label, value]);
  const givenOxum = bagInfoValues(elements, 'Payload-Oxum');
  if (givenOxum.length > 0 && givenOxum.some((value) => value.trim() !== payloadOxum)) {
    throw new AppError('invalid-input', `Payload-Oxum was given as ${givenOxum.join(', ')} but the payload is ${payloadOxum} (bytes.files).`, { field: 'Payload-Oxum' });
  }
  if (bagInfoValues(elements, 'Bagging-Date').length === 0) elements.push(['Bagging-Date', isoDate(contents.now ?? new Date())]);
  if (givenOxum.length === 0) elements.push(['Payload-Oxum', payloadOxum]);
  return elements;
}

async function writeInto(folder: string, path: string, bytes: Uint8Array | string): Promise<void> {
  const target = join(folder, ...path.split('/'));
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, bytes, { flag: 'wx' });
}

/** Writes one payload file under data/; answers its SHA-256, taken from the bytes written. */
async function writePayloadFile(folder: string, file: BagFile): Promise<string> {
  const path = `data/${file.path}`;
  if ('bytes' in file) {
    await writeInto(folder, path, file.bytes);
    return sha256(file.bytes);
  }
  const target = join(folder, ...path.split('/'));
  await mkdir(dirname(target), { recursive: true });
  return copyRecordedFile(file, target);
}

/**
 * Writes the bag at `dir`, which must not exist yet. Answers the Payload-Oxum ("bytes.files") it recorded. Files
 * from disk are streamed, so memory stays the same whatever their size.
 */
export async function writeBag(dir: string, contents: BagContents): Promise<{ payloadOxum: string }> {
  checkContents(contents);
  if (await stat(dir).then(() => true, () => false)) {
    throw new AppError('file-exists', `${dir} already exists; a bag is written to a new folder.`, { file: dir });
  }
  const payloadBytes = contents.payload.reduce((sum, file) => sum + bagFileSize(file), 0);
  const payloadOxum = `${payloadBytes}.${contents.payload.length}`;
  const bagInfo = formatBagInfo(completeBagInfo(contents, payloadOxum));

  const temp = join(dirname(dir), `.${basename(dir)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await mkdir(join(temp, 'data'), { recursive: true });
    const checksums: { path: string; checksum: string }[] = [];
    for (const file of contents.payload) checksums.push({ path: `data/${file.path}`, checksum: await writePayloadFile(temp, file) });
    const manifest = formatManifest(checksums);
    const tagFiles: BagBytes[] = [
      { path: 'bagit.txt', bytes: new TextEncoder().encode(DECLARATION) },
      { path: 'bag-info.txt', bytes: new TextEncoder().encode(bagInfo) },
      { path: 'manifest-sha256.txt', bytes: new TextEncoder().encode(manifest) },
      ...(contents.tagFiles ?? []),
    ];
    for (const file of tagFiles) await writeInto(temp, file.path, file.bytes);
    const tagManifest = formatManifest(tagFiles.map((file) => ({ path: file.path, checksum: sha256(file.bytes) })));
    await writeInto(temp, 'tagmanifest-sha256.txt', tagManifest);
    await rename(temp, dir);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  return { payloadOxum };
}
