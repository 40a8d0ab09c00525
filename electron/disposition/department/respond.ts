// A department answers a notice box by box, signed by name and title, and writes the response for the center.
import type { FilesWritten } from '../../../shared/api/contract-disposition';
import type { DispositionAnswer } from '../../../shared/exchange/disposition';
import type { CatalogContext } from '../../catalog/context';

export interface AnswerInput { answer: DispositionAnswer; reason: string; reviewDate?: string; extendTo?: string }
export interface RespondInput {
  noticeId: number;
  answers: (AnswerInput & { boxId: number })[];
  all?: AnswerInput;
  signedName: string;
  signedTitle: string;
  outDir: string;
}
export async function respondToNotice(_context: CatalogContext, _input: RespondInput): Promise<Omit<FilesWritten, 'download' | 'pdfDownload'>> {
  throw new Error('Not built yet.');
}
