// A worksheet damaged inside a sound zip (a part cut short and its tags closed again, then zipped anew, so every
// checksum agrees) is read by SheetJS without complaint, and only part of it would be imported. Before SheetJS sees
// an .xlsx, each worksheet part is checked: its XML parses (fast-xml-parser's validator, for parts of ordinary size),
// it ends where a worksheet ends, and its rows reach as far as the sheet's own dimension says they do.
import { XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../shared/domain/errors';
import { readPart, type ZipEntry } from './zip-check';

/**
 * Parts up to this size get a full well-formedness check (about 30 MB/s). Larger ones, rare in box lists, get the
 * structural checks only, so a 100,000-row list is not held up by seconds of validation.
 */
export const FULL_XML_CHECK_BYTES = 8 * 1024 * 1024;

const decodeEntities = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (name[0] !== '#') return named[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) found[match[1]] = decodeEntities(match[3] ?? match[4] ?? '');
  return found;
}

/** Worksheet part name ("xl/worksheets/sheet1.xml") → the sheet's name as Excel shows it on its tab. */
export function worksheetNames(bytes: Uint8Array, entries: ZipEntry[], fileName: string): Map<string, string> {
  const names = new Map<string, string>();
  const workbook = readPart(bytes, entries, 'xl/workbook.xml', fileName)?.toString('utf8') ?? '';
  const rels = readPart(bytes, entries, 'xl/_rels/workbook.xml.rels', fileName)?.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (const match of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const { Id, Target } = attributes(match[0]);
    if (!Id || !Target) continue;
    targets.set(Id, Target.startsWith('/') ? Target.slice(1) : `xl/${Target.replace(/^\.\//, '')}`);
  }
  for (const match of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const found = attributes(match[0]);
    const id = found['r:id'] ?? Object.entries(found).find(([key]) => key.endsWith(':id'))?.[1];
    const part = id ? targets.get(id) : undefined;
    if (part && found.name !== undefined) names.set(part, found.name);
  }
  return names;
}

/** The last row a dimension such as "A1:I610" covers (1 for "A1"), or null when there is none. */
export function dimensionEndRow(xml: string): number | null {
  const match = /<(?:\w+:)?dimension\b[^>]*\bref\s*=\s*"([^"]+)"/.exec(xml.slice(0, 4096));
  if (!match) return null;
  const end = match[1].split(':').pop() ?? '';
  const row = /(\d+)$/.exec(end);
  return row ? Number(row[1]) : null;
}

/** The number of the last row the sheet's data holds: its r attribute, or the count of rows when they carry none. */
export function lastRowNumber(xml: Buffer): number {
  const last = Math.max(xml.lastIndexOf('<row '), xml.lastIndexOf('<row>'), xml.lastIndexOf(':row '));
  if (last < 0) return 0;
  const tag = xml.subarray(last, Math.min(xml.length, last + 512)).toString('utf8');
  const r = /^[^>]*?\br\s*=\s*"(\d+)"/.exec(tag);
  if (r) return Number(r[1]);
  let count = 0;
  for (let at = xml.indexOf('<row'); at >= 0; at = xml.indexOf('<row', at + 4)) {
    const next = xml[at + 4];
    if (next === 0x20 || next === 0x3e || next === 0x2f) count += 1;
  }
  return count;
}

function damagedSheet(fileName: string, sheetName: string, detail: string): AppError {
  return new AppError(
    'invalid-input',
    `${fileName} is damaged: its sheet "${sheetName}" ${detail}. Nothing was imported. Open the file in your spreadsheet program, check that sheet, save a fresh copy, and try again.`,
    { file: fileName, sheet: sheetName },
  );
}

/** Throws an AppError naming the sheet when a worksheet part is damaged. */
export function checkWorksheetXml(xml: Buffer, sheetName: string, fileName: string): void {
  const tail = xml.subarray(Math.max(0, xml.length - 256)).toString('utf8');
  if (!/<\/(?:\w+:)?worksheet>\s*$/.test(tail)) throw damagedSheet(fileName, sheetName, 'is cut short (its XML does not end where a sheet ends)');
  const text = xml.length <= FULL_XML_CHECK_BYTES ? xml.toString('utf8') : null;
  if (text !== null) {
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw damagedSheet(fileName, sheetName, `is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  const endRow = dimensionEndRow(text ?? xml.subarray(0, 4096).toString('utf8'));
  const lastRow = lastRowNumber(xml);
  if (endRow !== null && lastRow > 0 && lastRow < endRow) {
    throw damagedSheet(fileName, sheetName, `says it holds rows up to ${endRow}, but its data stops at row ${lastRow}: part of it is missing`);
  }
}

/** Checks every worksheet of an .xlsx whose zip has passed checkZip. */
export function checkWorksheets(bytes: Uint8Array, entries: ZipEntry[], fileName: string): void {
  const names = worksheetNames(bytes, entries, fileName);
  for (const entry of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const xml = readPart(bytes, entries, entry.name, fileName);
    if (xml) checkWorksheetXml(xml, names.get(entry.name) ?? entry.name.replace(/^xl\/worksheets\/|\.xml$/g, ''), fileName);
  }
}
