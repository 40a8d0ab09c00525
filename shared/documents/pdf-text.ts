// Text for the PDFs: what a font can print, how wide it is, and how it wraps. Any name a department types must
// print without breaking the document, so a character the font lacks is swapped for a visible mark rather than
// failing the build (manifest.json always keeps the text exactly as written).
import type { PDFFont } from 'pdf-lib';

/** Shown where the font has no glyph (DejaVu Sans has no CJK, for one). */
export const MISSING_GLYPH = '\uFFFD';

export interface TextFace {
  font: PDFFont;
  /** The text as this font can draw it: NFC, control characters as spaces, missing glyphs as MISSING_GLYPH. */
  printable(text: string): string;
  /** Width in points at this size, from cached advance widths (pdf-lib draws glyphs without kerning). */
  width(text: string, size: number): number;
}

/** How many characters each document had to replace, so it can say so in plain words. */
export interface MissingGlyphTally {
  count: number;
  examples: string[];
}

export function newTally(): MissingGlyphTally {
  return { count: 0, examples: [] };
}

export function textFace(font: PDFFont, tally: MissingGlyphTally): TextFace {
  const supported = new Set(font.getCharacterSet());
  const widths = new Map<string, number>();
  const printableCache = new Map<string, string>();
  const widthOfChar = (char: string): number => {
    let width = widths.get(char);
    if (width === undefined) {
      width = font.widthOfTextAtSize(char, 1);
      widths.set(char, width);
    }
    return width;
  };
  return {
    font,
    printable(text) {
      const cached = printableCache.get(text);
      if (cached !== undefined) return cached;
      let out = '';
      for (const char of text.normalize('NFC')) {
        const code = char.codePointAt(0)!;
        // Line breaks are handled by wrapping; any other control character (tab, NUL, DEL...) prints as a space.
        if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += ' ';
        else if (supported.has(code)) out += char;
        else {
          out += MISSING_GLYPH;
          tally.count += 1;
          if (tally.examples.length < 5 && !tally.examples.includes(char)) tally.examples.push(char);
        }
      }
      if (printableCache.size < 20_000) printableCache.set(text, out);
      return out;
    },
    width(text, size) {
      let total = 0;
      for (const char of text) total += widthOfChar(char);
      return total * size;
    },
  };
}

/** Breaks one long word into pieces that fit, character by character. */
function breakWord(face: TextFace, word: string, size: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && face.width(piece + char, size) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
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
  for (const paragraph of text.replace(/^[\r\n]+|[\r\n]+$/g, '').split(/\r\n|\r|\n/)) {
    const words = face.printable(paragraph).split(' ').filter((word) => word !== '');
    let line = '';
    for (const word of words) {
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
  }
  return lines;
}

/** At most maxLines lines; the last one ends in "…" when text was cut (labels have a fixed size). */
export function clampLines(face: TextFace, lines: string[], size: number, maxWidth: number, maxLines: number): string[] {
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]}…`;
  while (last.length > 1 && face.width(last, size) > maxWidth) last = `${[...last].slice(0, -2).join('')}…`;
  kept[maxLines - 1] = last;
  return kept;
}

/** One line that fits, cut with "…" when needed. */
export function fitLine(face: TextFace, text: string, size: number, maxWidth: number): string {
  const printable = face.printable(text.replace(/\r\n|\r|\n/g, ' '));
  if (face.width(printable, size) <= maxWidth) return printable;
  const room = maxWidth - face.width('…', size);
  let kept = '';
  let width = 0;
  for (const char of printable) {
    width += face.width(char, size);
    if (width > room) break;
    kept += char;
  }
  return `${kept}…`;
}
