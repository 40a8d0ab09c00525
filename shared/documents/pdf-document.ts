// A new PDF with the app's Unicode fonts embedded (subset, so the file carries only the glyphs it uses) and its
// metadata set from the transfer, not the clock, so the same manifest always gives the same document.
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { documentFontkit, readFont, type FontkitFont } from './pdf-fontkit';
import type { Faces } from './pdf-layout';
import { newTally, textFace, type MissingGlyphTally } from './pdf-text';
import type { FaceFont } from './pdf-text-runs';

export interface DocumentFonts {
  /** TrueType bytes of the regular and bold faces (resources/fonts/DejaVuSans*.ttf). */
  font: Uint8Array;
  boldFont: Uint8Array;
  /**
   * TrueType bytes of the fonts tried, in order, for what DejaVu Sans lacks (CJK, then emoji), read only when a
   * document has such a character.
   */
  fallbackFonts?: () => Promise<Uint8Array[]>;
}

export interface DocumentInfo {
  title: string;
  subject: string;
  author: string;
  /** ISO timestamp recorded as the creation and modification date. */
  date: string;
  /** The manifest fingerprint, also recorded in the document's keywords so `verify` can compare it. */
  fingerprint: string;
  /**
   * Everything the document may print besides its own English wording (for a transfer: its manifest as JSON), so
   * only the fallback fonts it needs are embedded. Without it, every fallback font is.
   */
  printedText?: string;
}

/** The keyword a package PDF records its manifest's fingerprint under. */
export const FINGERPRINT_KEYWORD = 'transmittal-manifest-sha256:';

export interface OpenDocument {
  doc: PDFDocument;
  faces: Faces;
  tally: MissingGlyphTally;
}

// Ligatures off (for fontkit's own layout too): a "fi" glyph prints fine but makes text harder to search and copy.
const EMBED_OPTIONS = { subset: true, features: { liga: false, clig: false, dlig: false } };

const characterSets = new WeakMap<Uint8Array, Set<number>>();

/** The code points a font file covers, read once per file (the CJK font maps some 33,000). */
function characterSet(bytes: Uint8Array, font?: PDFFont): Set<number> {
  let set = characterSets.get(bytes);
  if (!set) {
    set = new Set(font ? font.getCharacterSet() : readFont(bytes).characterSet);
    characterSets.set(bytes, set);
  }
  return set;
}

/** The fallback fonts this text needs, embedded: none when DejaVu Sans has every character. */
async function embedFallbacks(doc: PDFDocument, fonts: DocumentFonts, covered: Set<number>[], text: string | undefined): Promise<FaceFont[]> {
  if (!fonts.fallbackFonts) return [];
  const lacking = new Set<number>();
  if (text !== undefined) {
    for (const char of text.normalize('NFC')) {
      const code = char.codePointAt(0)!;
      // Printable ASCII is in every DejaVu Sans face: the common case costs one comparison a character.
      if (code >= 0x20 && code < 0x7f) continue;
      if (code >= 0x20 && !covered.every((set) => set.has(code))) lacking.add(code);
    }
    if (lacking.size === 0) return [];
  }
  const embedded: FaceFont[] = [];
  for (const bytes of await fonts.fallbackFonts()) {
    const has = characterSet(bytes);
    if (text !== undefined && ![...lacking].some((code) => has.has(code))) continue;
    embedded.push({ font: await doc.embedFont(bytes, EMBED_OPTIONS), has });
  }
  return embedded;
}

export async function createDocument(fonts: DocumentFonts, info: DocumentInfo): Promise<OpenDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(documentFontkit);
  const [regular, bold] = await Promise.all([doc.embedFont(fonts.font, EMBED_OPTIONS), doc.embedFont(fonts.boldFont, EMBED_OPTIONS)]);
  const primary = [{ font: regular, has: characterSet(fonts.font, regular) }, { font: bold, has: characterSet(fonts.boldFont, bold) }];
  const fallbacks = await embedFallbacks(doc, fonts, primary.map((face) => face.has), info.printedText);
  const tally = newTally();
  const outlines = new Map<Uint8Array, FontkitFont>();
  const outlineOf = (bytes: Uint8Array) => () => {
    let font = outlines.get(bytes);
    if (!font) outlines.set(bytes, (font = readFont(bytes)));
    return font;
  };
  const date = new Date(info.date);
  doc.setTitle(info.title);
  doc.setSubject(info.subject);
  doc.setAuthor(info.author);
  doc.setKeywords([`${FINGERPRINT_KEYWORD}${info.fingerprint}`]);
  doc.setCreator('Transmittal');
  doc.setProducer('Transmittal (pdf-lib)');
  if (!Number.isNaN(date.getTime())) {
    doc.setCreationDate(date);
    doc.setModificationDate(date);
  }
  const faces = {
    regular: textFace([primary[0], ...fallbacks], tally, outlineOf(fonts.font)),
    bold: textFace([primary[1], ...fallbacks], tally, outlineOf(fonts.boldFont)),
  };
  return { doc, faces, tally };
}
