// What the catalog lists show for each box and each folder.
import type { Box, Folder } from '../../../shared/domain/types';
import { dispositionStatusLabels, formatCount, formatDateRange } from '../ui/format';
import { WhereCell, whereShortText } from '../retrievals/where-now';
import { highlighted } from './highlight';
import type { ListColumn } from './virtual-grid';

/** Where a box or folder is now and since when, overdue loans marked. */
function whereColumn<T extends Box | Folder>(): ListColumn<T> {
  return {
    key: 'where',
    header: 'Where now',
    min: 11, grow: 1.2,
    render: (row) => <WhereCell where={row.where} />,
    text: (row) => `${whereShortText(row.where)}: ${row.where.words}`,
  };
}

export function dispositionText(folder: Pick<Folder, 'dispositionDate' | 'dispositionStatus'>): string {
  if (folder.dispositionStatus === 'scheduled' && folder.dispositionDate) return folder.dispositionDate;
  return dispositionStatusLabels[folder.dispositionStatus];
}

export const boxColumns: ListColumn<Box>[] = [
  { key: 'label', header: 'Box', min: 7, grow: 1.2, render: (box) => <strong>{box.label}</strong>, text: (box) => box.label },
  { key: 'folders', header: 'Folders', min: 4.5, grow: 0, align: 'end', render: (box) => formatCount(box.folderCount) },
  {
    key: 'dates',
    header: 'Dates',
    min: 11, grow: 1.2,
    render: (box) => formatDateRange(box.dateFrom, box.dateTo),
  },
  {
    key: 'series',
    header: 'Series',
    min: 10, grow: 2,
    render: (box) => box.seriesTitles.join('; '),
    text: (box) => box.seriesTitles.join('; '),
  },
  whereColumn<Box>(),
  { key: 'cubicFeet', header: 'Cu. ft.', min: 4, grow: 0, align: 'end', render: (box) => box.cubicFeet.toFixed(1) },
  {
    key: 'location',
    header: 'Office location',
    min: 8, grow: 1,
    render: (box) => box.officeLocation,
    text: (box) => box.officeLocation,
  },
];

/** The folder list; while searching, titles are shown whole with the searched words marked. */
export function folderColumnsFor(query: string): ListColumn<Folder>[] {
  const searching = query.trim() !== '';
  return [
    folderColumns[0],
    folderColumns[1],
    searching
      ? { ...folderColumns[2], wrap: true, render: (folder) => <strong>{highlighted(folder.title, query)}</strong> }
      : folderColumns[2],
    ...folderColumns.slice(3),
  ];
}

export const folderColumns: ListColumn<Folder>[] = [
  { key: 'box', header: 'Box', min: 7, grow: 1, render: (folder) => folder.boxLabel, text: (folder) => folder.boxLabel },
  { key: 'position', header: 'No.', min: 3, grow: 0, align: 'end', render: (folder) => folder.position },
  {
    key: 'title',
    header: 'Title',
    min: 12, grow: 2.5,
    render: (folder) => <strong>{folder.title}</strong>,
    text: (folder) => folder.title,
  },
  { key: 'fileCode', header: 'File code', min: 5.5, grow: 0.8, render: (folder) => folder.fileCode, text: (folder) => folder.fileCode },
  {
    key: 'series',
    header: 'Series',
    min: 9, grow: 1.5,
    render: (folder) => (folder.itemNumber ? `${folder.itemNumber} — ${folder.seriesTitle ?? ''}` : ''),
    text: (folder) => (folder.itemNumber ? `${folder.itemNumber} — ${folder.seriesTitle ?? ''}` : ''),
  },
  { key: 'dates', header: 'Dates', min: 11, grow: 1, render: (folder) => formatDateRange(folder.beginDate, folder.endDate) },
  { key: 'disposition', header: 'Disposition', min: 8, grow: 1, render: (folder) => dispositionText(folder) },
  {
    key: 'flags',
    header: 'Restrictions',
    min: 7, grow: 0.8,
    render: (folder) => [folder.confidential ? 'Confidential' : '', folder.legalHold ? 'Legal hold' : ''].filter(Boolean).join(', '),
  },
  whereColumn<Folder>(),
];
