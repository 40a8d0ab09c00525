// A line of text as it is drawn: runs of one font and one direction each, left to right. Each character cluster
// goes to the first font that has all of it (DejaVu Sans, then the CJK font, then the emoji font), and right-to-left
// text (Hebrew, Arabic) is put in visual order by the Unicode bidirectional algorithm (bidi-js), so "Box 3: ארכיון"
// reads as it is written. Width measurement and drawing use these same runs, so what wraps is what prints.
import bidiFactory from 'bidi-js';
import type { PDFFont } from 'pdf-lib';
import { RTL_RUN } from './pdf-fontkit';

export interface FaceFont {
  font: PDFFont;
  /** Code points the font has a glyph for. */
  has: Set<number>;
}

export interface TextRun {
  font: PDFFont;
  /** What to hand font.encodeText: the run's characters, behind RTL_RUN when it runs right to left. */
  text: string;
  /** Advance width at 1 pt. */
  width: number;
}

const bidi = bidiFactory();
const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Right-to-left scripts: Hebrew through Arabic Extended, their presentation forms, and the historic blocks. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
/** Explicit direction marks and embeddings: they steer the bidi algorithm, then are dropped (rule X9). */
export const DIRECTION_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const SPACE = /^[ \u00a0]$/;

/** Code points a font may lack without the cluster changing how it looks: joiners, variation selectors, tags. */
export function isIgnorable(code: number): boolean {
  return code === 0x200c || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0020 && code <= 0xe007f) ||
    (code >= 0xe0100 && code <= 0xe01ef) || (code >= 0x180b && code <= 0x180d) || code === 0x034f;
}

/** Marks, right-to-left letters, joiners and direction controls: these need the runs worked out. */
const COMPLEX = /[\p{M}\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * True when a UTF-16 code unit is drawn by the first font alone, left to right, one glyph to one character: not a
 * control character, not half of a surrogate pair, not COMPLEX, and in the font.
 */
export function isPlainCode(first: FaceFont, code: number): boolean {
  if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff)) return false;
  return !COMPLEX.test(String.fromCharCode(code)) && first.has.has(code);
}

/**
 * The mark to put before each wrapped line of a paragraph that holds right-to-left text, so every line keeps the
 * paragraph's direction (its first strong letter's) rather than the first strong letter the line happens to
 * start with: LRM or RLM, or '' for a paragraph with no right-to-left letter.
 */
export function directionMark(paragraph: string): string {
  if (!RIGHT_TO_LEFT.test(paragraph)) return '';
  return bidi.getEmbeddingLevels(paragraph, 'auto').paragraphs[0]?.level === 1 ? '\u200f' : '\u200e';
}

export function graphemes(text: string): { segment: string; index: number }[] {
  return Array.from(graphemeSegmenter.segment(text), ({ segment, index }) => ({ segment, index }));
}

/**
 * Which font draws a cluster: the first that has every character of it, else the first that has its base character
 * (a joiner or variation selector it lacks is left out when drawn); -1 when none has the base.
 */
export function fontFor(fonts: FaceFont[], cluster: string): number {
  const codes = Array.from(cluster, (char) => char.codePointAt(0)!);
  const full = fonts.findIndex((face) => codes.every((code) => face.has.has(code)));
  if (full >= 0) return full;
  return fonts.findIndex((face) => face.has.has(codes[0]) && codes.every((code) => face.has.has(code) || isIgnorable(code)));
}

interface LogicalRun {
  fontIndex: number;
  level: number;
  text: string;
}

function dropUnsupported(face: FaceFont, cluster: string): string {
  let kept = '';
  for (const char of cluster) if (face.has.has(char.codePointAt(0)!)) kept += char;
  return kept;
}

/** Rule L2: from the highest level down to the lowest odd one, reverse every stretch of runs at that level or above. */
function visualOrder(runs: LogicalRun[]): LogicalRun[] {
  const ordered = [...runs];
  const highest = Math.max(0, ...ordered.map((run) => run.level));
  const lowestOdd = Math.min(...ordered.map((run) => run.level).filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level -= 1) {
    for (let start = 0; start < ordered.length; start += 1) {
      if (ordered[start].level < level) continue;
      let end = start;
      while (end + 1 < ordered.length && ordered[end + 1].level >= level) end += 1;
      ordered.splice(start, end - start + 1, ...ordered.slice(start, end + 1).reverse());
      start = end;
    }
  }
  return ordered;
}

/** A right-to-left run's brackets and other paired marks, swapped for their mirror images (rule L4). */
function mirrored(face: FaceFont, text: string): string {
  let out = '';
  for (const char of text) {
    const mirror = bidi.getMirroredCharacter(char);
    out += mirror && face.has.has(mirror.codePointAt(0)!) ? mirror : char;
  }
  return out;
}

/** A printable line (one paragraph, no line breaks) as runs in drawing order, left to right. */
export function visualRuns(fonts: FaceFont[], line: string): TextRun[] {
  const levels = RIGHT_TO_LEFT.test(line) ? bidi.getEmbeddingLevels(line, 'auto').levels : null;
  const runs: LogicalRun[] = [];
  for (const { segment, index } of graphemes(line)) {
    const cluster = segment.replace(DIRECTION_CONTROL, '');
    if (cluster === '') continue;
    const level = levels ? levels[index] : 0;
    const last = runs[runs.length - 1];
    // A space between two CJK words stays in their font (and run) when that font has one.
    const spaceInRun = last && SPACE.test(cluster) && fonts[last.fontIndex].has.has(cluster.codePointAt(0)!);
    const fontIndex = spaceInRun ? last.fontIndex : Math.max(0, fontFor(fonts, cluster));
    const text = dropUnsupported(fonts[fontIndex], cluster);
    if (text === '') continue;
    if (last && last.fontIndex === fontIndex && last.level === level) last.text += text;
    else runs.push({ fontIndex, level, text });
  }
  return visualOrder(runs).map(({ fontIndex, level, text }) => {
    const face = fonts[fontIndex];
    const encoded = level % 2 === 1 ? `${RTL_RUN}${mirrored(face, text)}` : text;
    return { font: face.font, text: encoded, width: face.font.widthOfTextAtSize(encoded, 1) };
  });
}
