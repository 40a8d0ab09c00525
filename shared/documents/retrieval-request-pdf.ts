// The one-page retrieval request a department emails or prints: what is wanted back, for whom, by when, and every
// fact the center needs to find it (accession, center box number, shelf, the department's label and title).
import type { RetrievalRequest } from '../exchange/retrieval';
import type { DocumentFonts } from './pdf-document';

export interface RetrievalRequestPdfOptions extends DocumentFonts {
  /** The request file's seal, printed so the paper and the file can be matched. */
  fingerprint: string;
}

export async function buildRetrievalRequestPdf(_request: RetrievalRequest, _options: RetrievalRequestPdfOptions): Promise<Uint8Array> {
  throw new Error('Not built yet.');
}
