// Reading and writing BagIt tag files as text: the bag declaration (bagit.txt), "Label: value" metadata
// (bag-info.txt) and the line endings and character encodings RFC 8493 allows.

export type BagVersion = string;

/** RFC 8493 §2: LF, CR and CRLF all end a line, even mixed in one file. A final line break ends the last line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * Decodes a tag file with the bag's Tag-File-Character-Encoding. UTF-16 without a stated byte order is read by its
 * byte-order mark, as the Unicode standard says. Returns null when the bytes are not valid in that encoding.
 */
export function decodeTagBytes(bytes: Uint8Array, encoding: string): string | null {
  let label = encoding.trim().toLowerCase();
  if (label === 'utf-16' && bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function isKnownEncoding(encoding: string): boolean {
  try {
    new TextDecoder(encoding.trim());
    return true;
  } catch {
    return false;
  }
}

export function isUtf8(encoding: string): boolean {
  return /^utf-?8$/i.test(encoding.trim());
}

/** Versions whose rules this verifier applies; 0.93 to 0.96 are read with the 0.97 rules they barely differ from. */
export const CHECKED_VERSIONS = ['0.97', '1.0'];
export const OLDER_VERSIONS = ['0.93', '0.94', '0.95', '0.96'];

/** RFC 8493 §2.2.2: before 1.0, whitespace around the colon was allowed and is not part of the label or value. */
export function isStrictVersion(version: BagVersion): boolean {
  const [major] = version.split('.');
  return Number(major) >= 1;
}

export interface Declaration {
  version: BagVersion;
  encoding: string;
}

export type DeclarationResult = { declaration: Declaration; problems: string[]; notes: string[] } | { declaration: null; problems: string[]; notes: string[] };

const LOOSE_ELEMENT = /^[ \t]*([^:]*?)[ \t]*:[ \t]*(.*?)[ \t]*$/;
const STRICT_ELEMENT = /^([^: \t](?:[^:]*[^: \t])?):(?:[ \t](.*))?$/;
const STRICT_DECLARATION = [/^BagIt-Version:[ \t]\d+\.\d+$/, /^Tag-File-Character-Encoding:[ \t]\S(?:.*\S)?$/];

/**
 * The bag declaration (RFC 8493 §2.1.1): exactly "BagIt-Version: M.N" then "Tag-File-Character-Encoding: ENC",
 * UTF-8 without a byte-order mark. `problems` make the bag invalid; `notes` are warnings.
 */
export function parseDeclaration(bytes: Uint8Array): DeclarationResult {
  const problems: string[] = [];
  const notes: string[] = [];
  const fail = (message: string): DeclarationResult => ({ declaration: null, problems: [...problems, message], notes });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return fail('starts with a byte-order mark, which RFC 8493 forbids in bagit.txt');
  }
  const text = decodeTagBytes(bytes, 'utf-8');
  if (text === null) return fail('is not valid UTF-8');
  const lines = splitLines(text);
  if (lines.length !== 2) {
    return fail(`must have exactly two lines (BagIt-Version, Tag-File-Character-Encoding) but has ${lines.length}`);
  }
  const [first, second] = lines.map((line) => LOOSE_ELEMENT.exec(line));
  if (!first || first[1] !== 'BagIt-Version') return fail('first line must be "BagIt-Version: M.N"');
  const version = first[2];
  if (!/^\d+\.\d+$/.test(version)) return fail(`BagIt-Version "${version}" is not a version number of the form M.N`);
  if (!CHECKED_VERSIONS.includes(version) && !OLDER_VERSIONS.includes(version)) {
    return fail(`BagIt-Version ${version} is not one Transmittal can check (0.97 or 1.0)`);
  }
  if (OLDER_VERSIONS.includes(version)) notes.push(`is BagIt ${version}, older than 0.97: checked by the 0.97 rules`);
  if (!second || second[1] !== 'Tag-File-Character-Encoding' || second[2] === '') {
    return fail('second line must be "Tag-File-Character-Encoding: ENCODING"');
  }
  if (isStrictVersion(version) && !lines.every((line, index) => STRICT_DECLARATION[index].test(line))) {
    return fail('has whitespace around a label or value; BagIt 1.0 allows exactly ": " between them');
  }
  const encoding = second[2];
  if (!isKnownEncoding(encoding)) return fail(`Tag-File-Character-Encoding "${encoding}" is not an encoding Transmittal can read`);
  if (!isUtf8(encoding)) notes.push(`declares tag files in ${encoding}; RFC 8493 recommends UTF-8`);
  return { declaration: { version, encoding }, problems, notes };
}

export interface ParsedBagInfo {
  elements: [string, string][];
  /** Line-numbered problems that make the bag invalid. */
  problems: string[];
}

/**
 * bag-info.txt (RFC 8493 §2.2.2): "Label: value" lines in order, repeats kept. A line starting with a space or tab
 * continues the value above; its indentation is dropped and the line break kept, as the RFC says.
 */
export function parseBagInfo(text: string, version: BagVersion): ParsedBagInfo {
  const elements: [string, string][] = [];
  const problems: string[] = [];
  const strict = isStrictVersion(version);
  splitLines(text).forEach((line, index) => {
    if (line.trim() === '') return;
    if (/^[ \t]/.test(line)) {
      const last = elements.at(-1);
      if (last) last[1] = last[1] === '' ? line.trim() : `${last[1]}\n${line.replace(/^[ \t]+/, '')}`;
      else problems.push(`line ${index + 1} is indented but continues no element`);
      return;
    }
    const match = (strict ? STRICT_ELEMENT : LOOSE_ELEMENT).exec(line);
    if (!match || match[1] === '') {
      problems.push(
        strict && LOOSE_ELEMENT.test(line)
          ? `line ${index + 1} has whitespace around its label or value; BagIt 1.0 allows exactly ": " between them`
          : `line ${index + 1} is not "Label: value"`,
      );
      return;
    }
    elements.push([match[1], match[2] ?? '']);
  });
  return { elements, problems };
}

/** The values of one label; labels are case-insensitive (RFC 8493 §2.2.2). */
export function bagInfoValues(elements: [string, string][], label: string): string[] {
  const wanted = label.toLowerCase();
  return elements.filter(([name]) => name.toLowerCase() === wanted).map(([, value]) => value);
}

/** Why a label cannot be written, or null. */
export function badLabelReason(label: string): string | null {
  if (label === '') return 'is empty';
  if (/[:\r\n]/.test(label)) return 'contains a colon or a line break';
  if (/^[ \t]|[ \t]$/.test(label)) return 'starts or ends with whitespace';
  return null;
}

const MAX_LINE = 79;

/** Breaks one line of a value at single spaces so each written line stays within 79 characters where it can. */
function foldLine(text: string, firstWidth: number): string[] {
  const lines: string[] = [];
  let rest = text;
  let width = firstWidth;
  while (rest.length > width) {
    let cut = -1;
    for (let at = Math.min(width, rest.length - 1); at > 0; at -= 1) {
      if (rest[at] === ' ' && rest[at - 1] !== ' ' && rest[at + 1] !== ' ' && rest[at + 1] !== '\t') {
        cut = at;
        break;
      }
    }
    if (cut < 0) break;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut + 1);
    width = MAX_LINE - 2;
  }
  lines.push(rest);
  return lines;
}

/**
 * bag-info.txt text, elements in the given order. Line breaks in a value become continuation lines; long values
 * are folded at spaces (a reader gets the break back as a line break, per RFC 8493 §2.2.2).
 */
export function formatBagInfo(elements: [string, string][]): string {
  return elements
    .map(([label, value]) => {
      const valueLines = value.split(/\r\n|\r|\n/).map((line, index) => foldLine(line.replace(/^[ \t]+/, ''), index === 0 ? MAX_LINE - label.length - 2 : MAX_LINE - 2));
      const [first, ...rest] = valueLines.flat();
      return [`${label}: ${first}`.trimEnd(), ...rest.map((line) => `  ${line}`)].join('\n');
    })
    .join('\n')
    .concat('\n');
}
