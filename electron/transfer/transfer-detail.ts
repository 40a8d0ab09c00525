// One transfer as its page shows it: the summary, its boxes, and (until it is sent) what must be fixed first.
import { acknowledgmentsOf } from './acknowledgment-import';
import type { TransferDetail } from '../../shared/api/contract-transfers';
import { isEditable } from '../../shared/transfer/statuses';
import type { CatalogContext } from '../catalog/context';
import { draftBoxes, frozenBoxes, frozenManifestJson, getTransferRow, getTransferSummary } from './transfer-rows';
import { checkTransfer } from './transfer-validation';
import { amendmentsOf } from './amend-transfer';
import { transferFiles } from './transfer-files';

export function getTransferDetail(context: CatalogContext, id: number): TransferDetail {
  const row = getTransferRow(context, id);
  if (isEditable(row.status)) {
    // Checked first: the check may move the transfer between draft and ready, which the summary then shows.
    const validation = checkTransfer(context, id);
    return { ...getTransferSummary(context, id), boxes: draftBoxes(context, id), validation, amendments: [], files: transferFiles(context, id), acknowledgments: [] };
  }
  const manifestJson = frozenManifestJson(context, id);
  return {
    ...getTransferSummary(context, id),
    boxes: manifestJson ? frozenBoxes(context, id, manifestJson) : [],
    validation: null,
    amendments: amendmentsOf(context, id),
    files: transferFiles(context, id),
    acknowledgments: acknowledgmentsOf(context, id),
  };
}
