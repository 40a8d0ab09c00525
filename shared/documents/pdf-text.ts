// Text for the PDFs: what the fonts can print, how wide it is, and how it wraps. Any name a department types must
// print without breaking the document: each character is drawn by the first font that has it (DejaVu Sans, then
// a CJK font, then an emoji font), and one no font has is swapped for a visible mark rather than failing the build
// (manifest.json always keeps the text exactly as written).
import type { FontkitFont } from './pdf-fontkit';
import {
  DIRECTION_CONTROL, directionMark, fontFor, graphemes, isIgnorable, isPlainCode, visualRuns, type FaceFont, type TextRun,
} from './pdf-text-runs';

/** Shown where no font has a glyph (an Indic script, for one). */
export const MISSING_GLYPH = '\uFFFD';

export interface TextFace {
  /** The text as these fonts can draw it: NFC, control characters as spaces, what no font has as MISSING_GLYPH. */
  printable(text: string): string;
  /** Width in points at this size, from the same runs that are drawn (pdf-lib draws glyphs without kerning). */
  width(text: string, size: number): number;
  /** A printable line as drawn: runs of one font each, left to right. */
  runs(line: string): TextRun[];
  /** The text's outline in the first font at 1 pt, as an SVG path (y down from the baseline), and its width. */
  outline(text: string): { path: string; width: number };
}

/** How many characters each document had to replace, so it can say so in plain words. */
export interface MissingGlyphTally {
  count: number;
  examples: string[];
}

export function newTally(): MissingGlyphTally {
  return { count: 0, examples: [] };
}

const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code < 0xa0);
/** Invisible formatting (zero-width space, word joiner, byte order mark...), dropped unless it steers direction. */
const FORMAT_ONLY = /^\p{Cf}+$/u;
const CACHE_LIMIT = 20_000;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** A face: fonts in the order they are tried; the first is the document's own (DejaVu Sans regular or bold). */
export function textFace(fonts: FaceFont[], tally: MissingGlyphTally, outlineFont: () => FontkitFont): TextFace {
  const [first] = fonts;
  // Per UTF-16 code unit: 0 not looked at yet, 1 plain (see isPlainCode), 2 not; and a plain one's width at 1 pt.
  // Most text is plain, and wrapping measures it over and over: this keeps that to one array lookup a character.
  const plain = new Uint8Array(0x10000);
  const widths = new Float64Array(0x10000);
  const printableCache = new Map<string, string>();
  const runsCache = new Map<string, TextRun[]>();

  /** Width at 1 pt of a line the first font draws alone; -1 when it is not such a line. */
  const plainWidth = (text: string): number => {
    let total = 0;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (plain[code] === 0) {
        plain[code] = isPlainCode(first, code) ? 1 : 2;
        if (plain[code] === 1) widths[code] = first.font.widthOfTextAtSize(String.fromCharCode(code), 1);
      }
      if (plain[code] === 2) return -1;
      total += widths[code];
    }
    return total;
  };

  const runs = (line: string): TextRun[] => {
    const cached = runsCache.get(line);
    if (cached) return cached;
    const width = plainWidth(line);
    const drawn = width >= 0 ? [{ font: first.font, text: line, width }] : visualRuns(fonts, line);
    return remember(runsCache, line, drawn);
  };

  const missing = (cluster: string): string => {
    tally.count += 1;
    if (tally.examples.length < 5 && !tally.examples.includes(cluster)) tally.examples.push(cluster);
    return MISSING_GLYPH;
  };

  const printableCluster = (cluster: string): string => {
    const codes = Array.from(cluster, (char) => char.codePointAt(0)!);
    // Line breaks are handled by wrapping; any other control character (tab, NUL, DEL...) prints as a space.
    if (codes.every(isControl)) return ' '.repeat(codes.length);
    if (FORMAT_ONLY.test(cluster) || codes.every(isIgnorable)) return cluster.search(DIRECTION_CONTROL) >= 0 ? cluster : '';
    return fontFor(fonts, cluster) >= 0 ? cluster : missing(cluster);
  };

  return {
    printable(text) {
      const cached = printableCache.get(text);
      if (cached !== undefined) return cached;
      const normalized = text.normalize('NFC');
      if (plainWidth(normalized) >= 0) return remember(printableCache, text, normalized);
      let out = '';
      for (const { segment } of graphemes(normalized)) out += printableCluster(segment);
      return remember(printableCache, text, out);
    },
    width(text, size) {
      const width = plainWidth(text);
      return (width >= 0 ? width : runs(text).reduce((sum, run) => sum + run.width, 0)) * size;
    },
    runs,
    outline(text) {
      const font = outlineFont();
      const scale = 1 / font.unitsPerEm;
      const glyphs = font.layout(text).glyphs;
      let x = 0;
      const parts: string[] = [];
      for (const glyph of glyphs) {
        const path = (glyph.path as unknown as OutlinePath).scale(scale, -scale).translate(x, 0);
        parts.push(path.toSVG());
        x += glyph.advanceWidth * scale;
      }
      return { path: parts.join(' '), width: x };
    },
  };
}

interface OutlinePath {
  scale(x: number, y: number): OutlinePath;
  translate(x: number, y: number): OutlinePath;
  toSVG(): string;
}

/** Spaces inside a code ("GS 1010", "GRS 5.2 item 020") as no-break spaces, so a line never ends inside it. */
export const keepTogether = (code: string): string => code.replace(/ /g, '\u00a0');

const paragraphsOf = (text: string) => text.replace(/^[\r\n]+|[\r\n]+$/g, '').split(/\r\n|\r|\n/);
const wordsOf = (face: TextFace, paragraph: string) => face.printable(paragraph).split(' ').filter((word) => word !== '');

/** How wide a text is unwrapped (its widest paragraph on one line), and its widest word: narrower, a word breaks. */
export function measureText(face: TextFace, text: string, size: number): { natural: number; widestWord: number } {
  let natural = 0;
  let widestWord = 0;
  for (const paragraph of paragraphsOf(text)) {
    const words = wordsOf(face, paragraph);
    natural = Math.max(natural, face.width(words.join(' '), size));
    for (const word of words) widestWord = Math.max(widestWord, face.width(word, size));
  }
  return { natural, widestWord };
}

/** Breaks one long word into pieces that fit, between character clusters (never inside an emoji or an accent). */
function breakWord(face: TextFace, word: string, size: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let width = 0;
  for (const { segment } of graphemes(word)) {
    const added = face.width(segment, size);
    // Sums of cluster widths are exact except where letters join (Arabic); the piece itself is measured then.
    if (piece !== '' && (width + added > maxWidth || face.width(piece + segment, size) > maxWidth)) {
      pieces.push(piece);
      piece = '';
      width = 0;
    }
    piece += segment;
    width += added;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * Wraps text to lines no wider than maxWidth: at spaces where it can, inside a word only when the word alone is
 * too wide (a long file path or a title with no spaces). Explicit line breaks are kept. Returns printable text.
 */
export function wrapText(face: TextFace, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  // A stray line break before or after a title is a typing slip, not a blank line to print.
  for (const paragraph of paragraphsOf(text)) {
    const start = lines.length;
    let line = '';
    for (const word of wordsOf(face, paragraph)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (face.width(candidate, size) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      if (face.width(word, size) <= maxWidth) {
        line = word;
      } else {
        const pieces = breakWord(face, word, size, maxWidth);
        lines.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1] ?? '';
      }
    }
    lines.push(line);
    const mark = directionMark(paragraph);
    if (mark !== '') for (let index = start; index < lines.length; index += 1) lines[index] = `${mark}${lines[index]}`;
  }
  return lines;
}

/** The longest start of the text, whole clusters only, that still fits with "…" after it. */
function cutToFit(face: TextFace, text: string, size: number, maxWidth: number): string {
  let kept = '';
  for (const { segment } of graphemes(text)) {
    if (face.width(`${kept}${segment}…`, size) > maxWidth) break;
    kept += segment;
  }
  return `${kept}…`;
}

/** At most maxLines lines; the last one ends in "…" when text was cut (labels have a fixed size). */
export function clampLines(face: TextFace, lines: string[], size: number, maxWidth: number, maxLines: number): string[] {
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = cutToFit(face, kept[maxLines - 1], size, maxWidth);
  return kept;
}

/** One line that fits, cut with "…" when needed. */
export function fitLine(face: TextFace, text: string, size: number, maxWidth: number): string {
  const printable = face.printable(text.replace(/\r\n|\r|\n/g, ' '));
  if (face.width(printable, size) <= maxWidth) return printable;
  return cutToFit(face, printable, size, maxWidth);
}
