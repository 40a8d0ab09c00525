// File paths as BagIt writes them in manifests and fetch.txt, and the paths no bag (or zip) may use because they
// would read or write outside the bag on some system.

/**
 * RFC 8493 §2.1.3: in a manifest path, CR, LF and "%" (and only those) are percent-encoded. "%" goes first so the
 * "%" of an encoded CR is not encoded again.
 */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * The inverse, in one left-to-right pass: "%2525" is the file "%25", and "%7E" or "%te" stay as written because the
 * RFC encodes nothing else (bagit-python decodes every %XX, which breaks a file really named "%7Etest1.txt").
 */
export function decodeManifestPath(path: string): string {
  return path.replace(/%(25|0D|0A)/gi, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
}

/**
 * Why a relative path would escape the folder it is meant for, on Linux, macOS or Windows; null if it is safe.
 * A bag verified here may be unpacked on another system, so Windows and shell forms are refused everywhere.
 */
export function unsafePathReason(path: string): string | null {
  if (path === '') return 'is empty';
  if (path.includes('\0')) return 'contains a NUL character';
  if (path.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(path)) return 'starts with a Windows drive letter';
  if (path.startsWith('\\')) return 'starts with a backslash, as Windows absolute and network (UNC) paths do';
  if (path.startsWith('~')) return 'starts with "~", which shells and some tools read as a home folder';
  if (/^%[^%/\\]+%/.test(path)) return 'starts with a Windows environment variable';
  if (path.split(/[/\\]/).includes('..')) return 'contains "..", which climbs out of the bag';
  return null;
}

/** Empty, "." parts (a//b, a/./b) and a trailing slash: not a file path a manifest may hold. */
export function isPlainRelativePath(path: string): boolean {
  return path.split('/').every((part) => part !== '' && part !== '.');
}

/** Files that Finder, Explorer and thumbnail caches leave behind: they hold no records and copy tools often drop them. */
export function isSystemFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /^(\.DS_Store|Thumbs\.db|ehthumbs\.db|desktop\.ini|\.localized)$/i.test(name) || name.startsWith('._');
}
