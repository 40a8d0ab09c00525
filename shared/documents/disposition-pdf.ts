// The disposition papers people sign and keep: the center's notice, the department's signed response, and the
// certificate of destruction or transfer. Each says in plain words what it is and prints its seal.
import type { DispositionCertificate, DispositionNotice, DispositionResponse } from '../exchange/disposition';
import type { DocumentFonts } from './pdf-document';

export interface SealedPdfOptions extends DocumentFonts {
  /** The file's seal, printed so the paper and the file can be matched. */
  fingerprint: string;
}

export async function buildNoticePdf(_notice: DispositionNotice, _options: SealedPdfOptions): Promise<Uint8Array> {
  throw new Error('Not built yet.');
}

/** The response, with the notice it answers (for the boxes' words). */
export async function buildResponsePdf(_response: DispositionResponse, _notice: DispositionNotice, _options: SealedPdfOptions): Promise<Uint8Array> {
  throw new Error('Not built yet.');
}

export async function buildCertificatePdf(_certificate: DispositionCertificate, _options: SealedPdfOptions): Promise<Uint8Array> {
  throw new Error('Not built yet.');
}
