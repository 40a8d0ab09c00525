// A records center's disposition: what is due in a period, one notice per department, and carrying out what the
// department approved (never a held box), with its certificate.
import type { DueList, FilesWritten } from '../../../shared/api/contract-disposition';
import type { CatalogContext } from '../../catalog/context';

export function dueList(_context: CatalogContext, _from: string, _to: string): DueList {
  throw new Error('Not built yet.');
}

export interface WriteNoticeInput { departmentId: number; from: string; to: string; noticeDays: number; outDir: string }
export async function writeNotice(_context: CatalogContext, _input: WriteNoticeInput): Promise<Omit<FilesWritten, 'download' | 'pdfDownload'> & { id: number; number: string; respondBy: string; boxes: number }> {
  throw new Error('Not built yet.');
}

export interface ExecuteInput { noticeId: number; boxIds?: number[]; method: string; witness: string; date?: string; outDir: string }
export async function executeNotice(_context: CatalogContext, _input: ExecuteInput): Promise<Omit<FilesWritten, 'download' | 'pdfDownload'> & { certificateId: number; number: string; boxes: number }> {
  throw new Error('Not built yet.');
}
