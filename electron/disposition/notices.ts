// The notices of either side: a center's written notices with the answers taken in, a department's notices with
// its own answers. One table (disposition_notice) serves both; the role decides what box_id names.
import type { NoticeDetail, NoticeSummary } from '../../shared/api/contract-disposition';
import type { CatalogContext } from '../catalog/context';

export function listNotices(_context: CatalogContext, _show: 'open' | 'all'): NoticeSummary[] {
  throw new Error('Not built yet.');
}

export function getNotice(_context: CatalogContext, _id: number): NoticeDetail {
  throw new Error('Not built yet.');
}
