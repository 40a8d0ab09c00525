// fontkit as the PDFs need it: pdf-lib asks it for the glyphs of each run of text it draws and for a subset of
// each font it embeds. Three changes from fontkit as published, each for a reason given where it is made.
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
export type FontkitFont = ReturnType<Fontkit['create']>;
type GlyphRun = ReturnType<FontkitFont['layout']>;
type Shape = (text: string, features: unknown, script?: string, language?: string, direction?: 'ltr' | 'rtl') => GlyphRun;

/**
 * Put before a run's text (see pdf-text-bidi.ts) to have it shaped right to left: fontkit then joins Arabic letters
 * and returns the glyphs in visual order. Never drawn itself.
 */
export const RTL_RUN = '\u200F';

/**
 * What needs fontkit's full OpenType shaping: Hebrew and Arabic (joining forms, the lam-alef ligature), combining
 * marks, and emoji sequences (zero-width joiners, variation selectors, skin tones, flags, tags). Anything else is a
 * straight character-to-glyph lookup.
 */
const NEEDS_SHAPING = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\p{M}\u200c\u200d\ufe00-\ufe0f\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/u;

const NO_BREAK_SPACE = 0xa0;

interface SubsetInternals {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph(glyphId: number): number;
}

/**
 * fontkit's TrueType subset writes short `loca` offsets (halved) whenever the subset's glyph data is under 128 KB,
 * but copies each glyph's bytes as they are: a font whose glyphs have odd lengths (Droid Sans Fallback, Noto Emoji)
 * then gets every glyph after the first odd one misplaced, and prints blank. Padding each glyph to an even length,
 * as the TrueType format expects, keeps the offsets right.
 */
function padGlyphsToEvenLength(subset: ReturnType<FontkitFont['createSubset']>): typeof subset {
  const internals = subset as unknown as SubsetInternals;
  const addGlyph = internals._addGlyph;
  internals._addGlyph = function padded(this: SubsetInternals, glyphId: number): number {
    const index = addGlyph.call(this, glyphId);
    const bytes = this.glyf[index];
    if (bytes.length % 2 === 1) {
      // Of the glyph's own class: fontkit's stream accepts only its Buffer (polyfill) instances.
      const Bytes = bytes.constructor as Partial<{ alloc(size: number): Uint8Array }>;
      const even = Bytes.alloc ? Bytes.alloc(bytes.length + 1) : new Uint8Array(bytes.length + 1);
      even.set(bytes);
      this.glyf[index] = even;
      this.offset += 1;
    }
    return index;
  };
  return subset;
}

/**
 * fontkit with shaping only where a script needs it. pdf-lib shapes every string it draws (OpenType GSUB/GPOS),
 * which made a 300-page receipt take seconds, yet it then draws glyphs without their positions anyway; so Latin,
 * Greek, Cyrillic and CJK text is a direct lookup (a no-break space draws, and copies, as a space), and only text
 * that NEEDS_SHAPING, or a right-to-left run, goes through fontkit's layout.
 */
export const documentFontkit: Fontkit = {
  create(data: Uint8Array, postscriptName?: string): FontkitFont {
    const font = fontkit.create(data, postscriptName);
    const shape = font.layout.bind(font) as Shape;
    const createSubset = font.createSubset.bind(font);
    const layout = (text: string, features?: unknown): GlyphRun => {
      if (text.startsWith(RTL_RUN)) return shape(text.slice(RTL_RUN.length), features, undefined, undefined, 'rtl');
      if (NEEDS_SHAPING.test(text)) return shape(text, features, undefined, undefined, 'ltr');
      const glyphs = Array.from(text, (char) => {
        const code = char.codePointAt(0)!;
        return font.glyphForCodePoint(code === NO_BREAK_SPACE ? 0x20 : code);
      });
      return { glyphs } as unknown as GlyphRun;
    };
    return Object.assign(font, { layout, createSubset: () => padGlyphsToEvenLength(createSubset()) }) as FontkitFont;
  },
};

/** A fontkit font straight from its bytes, for reading outlines (a watermark drawn as shapes). */
export const readFont = (data: Uint8Array): FontkitFont => fontkit.create(data);
