// The line formats of manifests ("checksum path") and fetch.txt ("url length path"), read with the tolerance
// RFC 8493 and the conformance suite expect, and written exactly as the RFC says.
import { decodeManifestPath, encodeManifestPath, isPlainRelativePath, unsafePathReason } from './bag-paths';
import { splitLines } from './tag-text';

/** Checksum algorithms by manifest name, as node:crypto calls them, with their hex length. */
const ALGORITHMS: Record<string, { hash: string; hexLength: number }> = {
  md5: { hash: 'md5', hexLength: 32 },
  sha1: { hash: 'sha1', hexLength: 40 },
  sha224: { hash: 'sha224', hexLength: 56 },
  sha256: { hash: 'sha256', hexLength: 64 },
  sha384: { hash: 'sha384', hexLength: 96 },
  sha512: { hash: 'sha512', hexLength: 128 },
  'sha3-256': { hash: 'sha3-256', hexLength: 64 },
  'sha3-512': { hash: 'sha3-512', hexLength: 128 },
};

export function isSupportedAlgorithm(algorithm: string): boolean {
  return Object.hasOwn(ALGORITHMS, algorithm);
}

export function hashNameOf(algorithm: string): string {
  return ALGORITHMS[algorithm].hash;
}

/** RFC 8493 §2.4: SHA-256 and SHA-512 are the ones every tool must support and the ones a bag should carry. */
export const STRONG_ALGORITHMS = ['sha256', 'sha512'];

export type ManifestKind = 'payload' | 'tag';

/** "manifest-sha256.txt" → payload/sha256; anything else → null. */
export function manifestNameKind(name: string): { kind: ManifestKind; algorithm: string } | null {
  const match = /^(tag)?manifest-([a-z0-9-]+)\.txt$/.exec(name);
  if (!match) return null;
  return { kind: match[1] ? 'tag' : 'payload', algorithm: match[2] };
}

export interface ManifestEntry {
  /** Decoded path relative to the bag root. */
  path: string;
  /** Lowercase hex. */
  checksum: string;
  line: number;
}

export interface ParsedLines<T> {
  entries: T[];
  problems: string[];
  notes: string[];
}

/** Checks one decoded path from a manifest or fetch.txt against the folder its kind of list may name. */
function checkPath(path: string, kind: ManifestKind): string | null {
  const unsafe = unsafePathReason(path);
  if (unsafe) return `names "${path}", which ${unsafe}`;
  if (!isPlainRelativePath(path)) return `names "${path}", which has empty or "." parts`;
  if (kind === 'payload' && !path.startsWith('data/')) return `names "${path}", which is outside the payload folder data/`;
  if (kind === 'tag' && path.startsWith('data/')) return `names the payload file "${path}"; a tag manifest must list tag files only`;
  return null;
}

/** Strips "./" prefixes, which older tools wrote, with a note; returns the path to use. */
function withoutDotSlash(path: string, line: number, notes: string[]): string {
  if (!path.startsWith('./')) return path;
  notes.push(`line ${line} writes "${path}" with a leading "./"; paths should be relative to the bag without it`);
  return path.replace(/^(\.\/)+/, '');
}

export function parseManifest(text: string, algorithm: string, kind: ManifestKind): ParsedLines<ManifestEntry> {
  const entries: ManifestEntry[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  const hexLength = ALGORITHMS[algorithm]?.hexLength;
  splitLines(text).forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === '') return;
    const match = /^([0-9A-Fa-f]+)([ \t]+)(.+)$/.exec(text);
    if (!match) {
      problems.push(`line ${line} is not "checksum path"`);
      return;
    }
    let raw = match[3];
    // md5sum/sha256sum in binary mode write "checksum *path"; the star is a mode flag, not part of the name.
    if (raw.startsWith('*')) {
      notes.push(`line ${line} marks its path with "*" as md5sum's binary mode does; the "*" is not part of the name`);
      raw = raw.slice(1);
    }
    const path = withoutDotSlash(decodeManifestPath(raw), line, notes);
    const problem = checkPath(path, kind);
    if (problem) {
      problems.push(`line ${line} ${problem}`);
      return;
    }
    if (hexLength !== undefined && match[1].length !== hexLength) {
      problems.push(`line ${line}: "${match[1]}" is not a ${algorithm} checksum (${hexLength} hex digits)`);
      return;
    }
    entries.push({ path, checksum: match[1].toLowerCase(), line });
  });
  return { entries, problems, notes };
}

/** Manifest text for the given entries: sorted by path so the same bag always gives the same bytes. */
export function formatManifest(entries: { path: string; checksum: string }[]): string {
  return [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((entry) => `${entry.checksum}  ${encodeManifestPath(entry.path)}\n`)
    .join('');
}

export interface FetchEntry {
  url: string;
  /** Octets, or null for "-" (unknown). */
  length: number | null;
  path: string;
  line: number;
}

/** fetch.txt (RFC 8493 §2.2.3): "url length path", url absolute, length a number or "-", path in data/. */
export function parseFetch(text: string): ParsedLines<FetchEntry> {
  const entries: FetchEntry[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  splitLines(text).forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === '') return;
    const match = /^(\S+)[ \t]+(\S+)[ \t]+(.+)$/.exec(text);
    if (!match) {
      problems.push(`line ${line} is not "url length path"`);
      return;
    }
    const [, url, length] = match;
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(url)) problems.push(`line ${line}: "${url}" is not an absolute URL`);
    if (!/^(\d+|-)$/.test(length)) problems.push(`line ${line}: length "${length}" is not a number of octets or "-"`);
    const path = withoutDotSlash(decodeManifestPath(match[3]), line, notes);
    const problem = checkPath(path, 'payload');
    if (problem) problems.push(`line ${line} ${problem}`);
    else entries.push({ url, length: length === '-' ? null : Number(length), path, line });
  });
  return { entries, problems, notes };
}
