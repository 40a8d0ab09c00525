// The manifest of a transfer, built from the catalog as it stands now ("transmittal-manifest/1", see
// shared/exchange/manifest.ts). Sending stores it frozen; a preview package builds it fresh each time.
import { AppError } from '../../shared/domain/errors';
import { parsePartialDate, type DatePrecision } from '../../shared/domain/partial-date';
import { MANIFEST_FORMAT, type Manifest } from '../../shared/exchange/manifest';
import { boxDisposition } from '../../shared/transfer/box-disposition';
import { compareLabels } from '../../shared/transfer/label-range';
import { manifestBoxId } from '../../shared/transfer/numbering';
import type { CatalogContext } from '../catalog/context';
import { transferFiles } from './transfer-files';
import { toScheduleItem, type ScheduleItemRow } from '../catalog/rows';
import { roundCubicFeet } from './transfer-rows';
import type { LoadedTransfer } from './load-transfer';

type ManifestBox = Manifest['boxes'][number];
type ManifestFolder = ManifestBox['folders'][number];
type Span = { from: string | null; to: string | null; firstDay: string | null; lastDay: string | null };


const precisionOf = (date: string): DatePrecision | null => (date ? (parsePartialDate(date)?.precision ?? null) : null);

/** Widens a span by a folder's dates, keeping the dates as the department wrote them. */
function widen(span: Span, from: string, firstDay: string | null, to: string, lastDay: string | null): void {
  if (firstDay && (span.firstDay === null || firstDay < span.firstDay)) Object.assign(span, { firstDay, from: from || to });
  if (lastDay && (span.lastDay === null || lastDay > span.lastDay)) Object.assign(span, { lastDay, to: to || from });
}

const emptySpan = (): Span => ({ from: null, to: null, firstDay: null, lastDay: null });

export function buildManifest(context: CatalogContext, loaded: LoadedTransfer, sentAt: string | null, eligibleReason = ''): Manifest {
  const { transfer, recordsCenter: center, department } = loaded;
  if (!center) {
    throw new AppError('not-found', `The records center of transfer ${transfer.number} is no longer in this catalog.`, { field: 'recordsCenterId' });
  }
  const boxRows = loaded.boxes;
  const folderRows = loaded.folders;

  const transferSpan = emptySpan();
  const boxes: ManifestBox[] = boxRows.map((box, index) => {
    const rows = box.folders;
    const span = emptySpan();
    const itemNumbers: string[] = [];
    const folders: ManifestFolder[] = rows.map((row) => {
      widen(span, row.begin_date, row.first_day, row.end_date, row.last_day);
      widen(transferSpan, row.begin_date, row.first_day, row.end_date, row.last_day);
      if (row.item_number && !itemNumbers.includes(row.item_number)) itemNumbers.push(row.item_number);
      return {
        position: row.position,
        title: row.title,
        fileCode: row.file_code,
        itemNumber: row.item_number,
        beginDate: row.begin_date,
        endDate: row.end_date,
        eventDate: row.event_date,
        beginPrecision: precisionOf(row.begin_date),
        endPrecision: precisionOf(row.end_date),
        confidential: row.confidential === 1,
        medium: row.medium,
        notes: row.notes,
        legalHold: row.legal_hold === 1,
        legalHoldReason: row.legal_hold_reason,
        dispositionDate: row.disposition_date,
        dispositionStatus: row.disposition_status,
      };
    });
    return {
      boxId: manifestBoxId(transfer.number, index + 1),
      sequence: index + 1,
      of: boxRows.length,
      label: box.label,
      cubicFeet: box.cubicFeet,
      officeLocation: box.officeLocation,
      itemNumbers: itemNumbers.sort(compareLabels),
      dateSpan: { from: span.from, to: span.to },
      // The whole box goes at once: the latest of its folders' dates, or none while any folder waits.
      ...(() => {
        const disposition = boxDisposition(folders);
        const sentOn = (sentAt ?? context.now()).slice(0, 10);
        return {
          dispositionDate: disposition.date,
          dispositionWaitsFor: disposition.waitsFor,
          eligibleWhenSent: disposition.date !== null && disposition.date <= sentOn,
        };
      })(),
      confidential: folders.some((folder) => folder.confidential),
      centerBoxNumber: null,
      location: null,
      folders,
    };
  });

  const usedItems = new Set(folderRows.map((row) => row.item_number).filter((each): each is string => each !== null));
  const scheduleItems = context.db
    .all<ScheduleItemRow>('SELECT * FROM schedule_item')
    .map(toScheduleItem)
    .filter((item) => usedItems.has(item.itemNumber))
    .sort((a, b) => compareLabels(a.itemNumber, b.itemNumber))
    .map((item) => ({
      itemNumber: item.itemNumber,
      title: item.title,
      description: item.description,
      retentionText: item.retentionText,
      rule: item.rule,
      disposition: item.disposition,
      citation: item.citation,
    }));

  const { id: _centerId, ...recordsCenter } = center;
  return {
    format: MANIFEST_FORMAT,
    transfer: {
      number: transfer.number,
      createdAt: transfer.created_at,
      sentAt,
      notes: transfer.notes,
      eligibleReason,
      accessRestrictions: transfer.access_restrictions,
      totals: {
        boxes: boxes.length,
        folders: folderRows.length,
        cubicFeet: roundCubicFeet(boxes.reduce((sum, box) => sum + box.cubicFeet, 0)),
      },
      dateSpan: { from: transferSpan.from, to: transferSpan.to },
    },
    department,
    recordsCenter,
    scheduleItems,
    boxes,
    electronicItems: transferFiles(context, transfer.id).map((file) => ({ relativePath: file.relativePath, size: file.size, sha256: file.sha256, mediaType: file.mediaType })),
  };
}
