// The documents of a transfer package: the spreadsheet and CSV renderings of the manifest, the receipt and the box
// labels. Built one after another in this thread: measured on a 5,000-folder transfer, worker threads were slower
// (each starts cold, loads pdf-lib and SheetJS again, and the receipt alone is most of the work).
import { buildLabelsPdf } from '../../shared/documents/labels-pdf';
import { buildReceiptPdf } from '../../shared/documents/receipt-pdf';
import type { Manifest } from '../../shared/exchange/manifest';
import { manifestToCsv } from '../../shared/exchange/manifest-csv';
import { manifestToXlsx } from '../../shared/exchange/manifest-xlsx';
import type { JobControl } from '../runtime/jobs';
import { loadFonts } from '../exchange/fonts';

/** Each document's file name in the bag's payload, in the order they are built (the longest first). */
export const documentFiles = { receipt: 'receipt.pdf', labels: 'labels.pdf', xlsx: 'manifest.xlsx', csv: 'manifest.csv' } as const;
export type DocumentKind = keyof typeof documentFiles;

export interface DocumentRequest {
  manifest: Manifest;
  fingerprint: string;
  /** When the receipt is printed (ISO timestamp). */
  generatedAt: string;
}

export async function buildDocument(kind: DocumentKind, request: DocumentRequest): Promise<Uint8Array> {
  const { manifest, fingerprint, generatedAt } = request;
  switch (kind) {
    case 'xlsx':
      return manifestToXlsx(manifest, fingerprint);
    case 'csv':
      return manifestToCsv(manifest);
    case 'receipt':
      return buildReceiptPdf(manifest, { fingerprint, generatedAt, ...(await loadFonts()) });
    case 'labels':
      return buildLabelsPdf(manifest, { fingerprint, ...(await loadFonts()) });
  }
}

/** Every document, stopping between them if the job was cancelled. */
export async function buildPackageDocuments(
  request: DocumentRequest,
  control: JobControl,
  onStart: (kind: DocumentKind, index: number) => void,
): Promise<Record<DocumentKind, Uint8Array>> {
  const built: Partial<Record<DocumentKind, Uint8Array>> = {};
  for (const [index, kind] of (Object.keys(documentFiles) as DocumentKind[]).entries()) {
    await control.checkpoint();
    onStart(kind, index);
    built[kind] = await buildDocument(kind, request);
  }
  return built as Record<DocumentKind, Uint8Array>;
}
