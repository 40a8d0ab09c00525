// What the catalog lists show for each box and each folder.
import type { Box, Folder } from '../../../shared/domain/types';
import { boxStatusLabels, dispositionStatusLabels, formatCount, formatDateRange } from '../ui/format';
import type { ListColumn } from './virtual-grid';

export function dispositionText(folder: Pick<Folder, 'dispositionDate' | 'dispositionStatus'>): string {
  if (folder.dispositionStatus === 'scheduled' && folder.dispositionDate) return folder.dispositionDate;
  return dispositionStatusLabels[folder.dispositionStatus];
}

export const boxColumns: ListColumn<Box>[] = [
  { key: 'label', header: 'Box', width: 'minmax(8rem, 1.2fr)', render: (box) => <strong>{box.label}</strong>, text: (box) => box.label },
  { key: 'folders', header: 'Folders', width: '5.5rem', align: 'end', render: (box) => formatCount(box.folderCount) },
  {
    key: 'dates',
    header: 'Dates',
    width: 'minmax(9rem, 1fr)',
    render: (box) => formatDateRange(box.dateFrom, box.dateTo),
  },
  {
    key: 'series',
    header: 'Series',
    width: 'minmax(10rem, 2fr)',
    render: (box) => box.seriesTitles.join('; '),
    text: (box) => box.seriesTitles.join('; '),
  },
  { key: 'status', header: 'Status', width: 'minmax(8rem, 1fr)', render: (box) => boxStatusLabels[box.status] },
  { key: 'cubicFeet', header: 'Cu. ft.', width: '5rem', align: 'end', render: (box) => box.cubicFeet.toFixed(1) },
  {
    key: 'location',
    header: 'Office location',
    width: 'minmax(8rem, 1fr)',
    render: (box) => box.officeLocation,
    text: (box) => box.officeLocation,
  },
];

export const folderColumns: ListColumn<Folder>[] = [
  { key: 'box', header: 'Box', width: 'minmax(6rem, 0.8fr)', render: (folder) => folder.boxLabel, text: (folder) => folder.boxLabel },
  { key: 'position', header: 'No.', width: '4rem', align: 'end', render: (folder) => folder.position },
  {
    key: 'title',
    header: 'Title',
    width: 'minmax(12rem, 2.5fr)',
    render: (folder) => <strong>{folder.title}</strong>,
    text: (folder) => folder.title,
  },
  { key: 'fileCode', header: 'File code', width: 'minmax(6rem, 0.8fr)', render: (folder) => folder.fileCode, text: (folder) => folder.fileCode },
  {
    key: 'series',
    header: 'Series',
    width: 'minmax(10rem, 1.5fr)',
    render: (folder) => (folder.itemNumber ? `${folder.itemNumber} — ${folder.seriesTitle ?? ''}` : ''),
    text: (folder) => (folder.itemNumber ? `${folder.itemNumber} — ${folder.seriesTitle ?? ''}` : ''),
  },
  { key: 'dates', header: 'Dates', width: 'minmax(9rem, 1fr)', render: (folder) => formatDateRange(folder.beginDate, folder.endDate) },
  { key: 'disposition', header: 'Disposition', width: 'minmax(8rem, 1fr)', render: (folder) => dispositionText(folder) },
  {
    key: 'flags',
    header: 'Restrictions',
    width: 'minmax(7rem, 0.8fr)',
    render: (folder) => [folder.confidential ? 'Confidential' : '', folder.legalHold ? 'Legal hold' : ''].filter(Boolean).join(', '),
  },
];
