// A new PDF with the app's Unicode fonts embedded (subset, so the file carries only the glyphs it uses) and its
// metadata set from the transfer, not the clock, so the same manifest always gives the same document.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import type { Faces } from './pdf-layout';
import { newTally, textFace, type MissingGlyphTally } from './pdf-text';

export interface DocumentFonts {
  /** TrueType bytes of the regular and bold faces (resources/fonts/DejaVuSans*.ttf). */
  font: Uint8Array;
  boldFont: Uint8Array;
}

export interface DocumentInfo {
  title: string;
  subject: string;
  author: string;
  /** ISO timestamp recorded as the creation and modification date. */
  date: string;
  /** The manifest fingerprint, also recorded in the document's keywords so `verify` can compare it. */
  fingerprint: string;
}

/** The keyword a package PDF records its manifest's fingerprint under. */
export const FINGERPRINT_KEYWORD = 'transmittal-manifest-sha256:';

export interface OpenDocument {
  doc: PDFDocument;
  faces: Faces;
  tally: MissingGlyphTally;
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;

/**
 * fontkit with its text shaping replaced by a straight character-to-glyph lookup. pdf-lib shapes every string it
 * draws (OpenType GSUB/GPOS), which made a 300-page receipt take seconds, yet it then draws glyphs without their
 * positions anyway. What is lost: ligatures (turned off regardless, see below) and contextual forms, which only
 * matter for scripts such as Arabic that pdf-lib cannot lay out right to left in any case.
 */
export const directGlyphFontkit: Fontkit = {
  create(data: Uint8Array, postscriptName?: string): FontkitFont {
    const font = fontkit.create(data, postscriptName);
    const layout = (text: string) => ({ glyphs: Array.from(text, (char) => font.glyphForCodePoint(char.codePointAt(0)!)) });
    return Object.assign(font, { layout }) as FontkitFont;
  },
};

export async function createDocument(fonts: DocumentFonts, info: DocumentInfo): Promise<OpenDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(directGlyphFontkit);
  // Ligatures off (for fontkit's own layout too): a "fi" glyph prints fine but makes text harder to search and copy.
  const options = { subset: true, features: { liga: false, clig: false, dlig: false } };
  const [regular, bold] = await Promise.all([doc.embedFont(fonts.font, options), doc.embedFont(fonts.boldFont, options)]);
  const tally = newTally();
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
  return { doc, faces: { regular: textFace(regular, tally), bold: textFace(bold, tally) }, tally };
}
