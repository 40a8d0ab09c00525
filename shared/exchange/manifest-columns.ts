// The columns of the manifest's spreadsheet renderings (manifest.xlsx and manifest.csv), defined once so both
// files carry the same headings, in the same order, with the same values.
import type { Manifest, ManifestBox, ManifestFolder } from './manifest';
import { dispositionWaitText } from '../transfer/box-disposition';

/**
 * 'date' columns hold a full date (YYYY-MM-DD) as a real spreadsheet date; a partial date ("2019", "2019-03",
 * "FY2019") in them stays text as written, since turning it into a day would invent precision the record lacks.
 */
export type ColumnKind = 'text' | 'number' | 'date' | 'timestamp';

/** A manifest timestamp ("2026-03-02T15:30:00.000Z"), written to a spreadsheet as a date and time in UTC. */
export const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z$/;
export type CellValue = string | number;

export interface Column<Row> {
  header: string;
  kind: ColumnKind;
  /** Widest the column gets, in characters (long titles wrap in the reader rather than widen the sheet). */
  maxWidth?: number;
  value: (row: Row) => CellValue;
}

export interface FolderRow {
  box: ManifestBox;
  folder: ManifestFolder;
  seriesTitle: string;
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const precisionText = (precision: ManifestFolder['beginPrecision']) => (precision === 'fiscal-year' ? 'fiscal year' : (precision ?? ''));
export const boxOfText = (box: ManifestBox) => `${box.sequence} of ${box.of}`;

export const DAY_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const folderColumns: Column<FolderRow>[] = [
  { header: 'Box ID', kind: 'text', value: (row) => row.box.boxId },
  { header: 'Box label', kind: 'text', maxWidth: 30, value: (row) => row.box.label },
  { header: 'Box', kind: 'text', value: (row) => boxOfText(row.box) },
  { header: 'Folder no.', kind: 'number', value: (row) => row.folder.position },
  { header: 'Title as written', kind: 'text', maxWidth: 60, value: (row) => row.folder.title },
  { header: 'File code', kind: 'text', maxWidth: 20, value: (row) => row.folder.fileCode },
  { header: 'Schedule item', kind: 'text', maxWidth: 20, value: (row) => row.folder.itemNumber ?? '' },
  { header: 'Series title', kind: 'text', maxWidth: 40, value: (row) => row.seriesTitle },
  { header: 'Begin date', kind: 'date', value: (row) => row.folder.beginDate },
  { header: 'Begin precision', kind: 'text', value: (row) => precisionText(row.folder.beginPrecision) },
  { header: 'End date', kind: 'date', value: (row) => row.folder.endDate },
  { header: 'End precision', kind: 'text', value: (row) => precisionText(row.folder.endPrecision) },
  { header: 'Event date', kind: 'date', value: (row) => row.folder.eventDate },
  { header: 'Confidential', kind: 'text', value: (row) => yesNo(row.folder.confidential) },
  { header: 'Medium', kind: 'text', value: (row) => row.folder.medium },
  { header: 'Notes', kind: 'text', maxWidth: 40, value: (row) => row.folder.notes },
  { header: 'Legal hold', kind: 'text', value: (row) => yesNo(row.folder.legalHold) },
  { header: 'Legal hold reason', kind: 'text', maxWidth: 30, value: (row) => row.folder.legalHoldReason },
  { header: 'Disposition date', kind: 'date', value: (row) => row.folder.dispositionDate ?? '' },
  { header: 'Disposition status', kind: 'text', value: (row) => row.folder.dispositionStatus },
];

export const boxColumns: Column<ManifestBox>[] = [
  { header: 'Box ID', kind: 'text', value: (box) => box.boxId },
  { header: 'Box', kind: 'text', value: boxOfText },
  { header: 'Box label', kind: 'text', maxWidth: 30, value: (box) => box.label },
  { header: 'Cubic feet', kind: 'number', value: (box) => box.cubicFeet },
  { header: 'Office location', kind: 'text', maxWidth: 30, value: (box) => box.officeLocation },
  { header: 'Schedule items', kind: 'text', maxWidth: 40, value: (box) => box.itemNumbers.join('; ') },
  { header: 'Folders', kind: 'number', value: (box) => box.folders.length },
  { header: 'Date from', kind: 'date', value: (box) => box.dateSpan.from ?? '' },
  { header: 'Date to', kind: 'date', value: (box) => box.dateSpan.to ?? '' },
  { header: 'Disposition date', kind: 'date', value: (box) => box.dispositionDate ?? '' },
  { header: 'Disposition waits for', kind: 'text', maxWidth: 40, value: (box) => (box.dispositionWaitsFor ? dispositionWaitText[box.dispositionWaitsFor] : '') },
  { header: 'Confidential', kind: 'text', value: (box) => yesNo(box.confidential) },
  { header: 'Center box number', kind: 'text', value: (box) => box.centerBoxNumber ?? '' },
  { header: 'Shelf location', kind: 'text', maxWidth: 30, value: (box) => box.location ?? '' },
];

/** One row per folder, in box order then folder order, each with its series title from the schedule. */
export function folderRows(manifest: Manifest): FolderRow[] {
  const titles = new Map(manifest.scheduleItems.map((item) => [item.itemNumber, item.title]));
  return manifest.boxes.flatMap((box) =>
    box.folders.map((folder) => ({ box, folder, seriesTitle: folder.itemNumber ? (titles.get(folder.itemNumber) ?? '') : '' })),
  );
}

const deliveryNames: Record<Manifest['recordsCenter']['deliveryOptions'][number], string> = {
  'box-returned': 'box returned (temporary loan)',
  'folder-returned': 'one folder returned (loan)',
  'scan-on-demand': 'copy or scan on demand',
  'review-on-site': 'review on site',
  pickup: 'pickup at the center',
};
export const deliveryOptionText = (option: keyof typeof deliveryNames) => deliveryNames[option];

/** The Transfer sheet: one fact per row, in the order a reader looks for them. */
export function transferFacts(manifest: Manifest, fingerprint: string): [string, CellValue, ColumnKind][] {
  const { transfer, department: dept, recordsCenter: center } = manifest;
  return [
    ['Transfer number', transfer.number, 'text'],
    ['Manifest format', manifest.format, 'text'],
    ['Fingerprint (SHA-256 of manifest.json, RFC 8785)', fingerprint, 'text'],
    ['Created (UTC)', transfer.createdAt, 'timestamp'],
    ['Sent (UTC)', transfer.sentAt ?? 'not sent yet', 'timestamp'],
    ['Boxes', transfer.totals.boxes, 'number'],
    ['Folders', transfer.totals.folders, 'number'],
    ['Cubic feet', transfer.totals.cubicFeet, 'number'],
    ['Dates from', transfer.dateSpan.from ?? '', 'date'],
    ['Dates to', transfer.dateSpan.to ?? '', 'date'],
    ['Notes', transfer.notes, 'text'],
    ['Department', dept.name, 'text'],
    ['Department code', dept.code, 'text'],
    ['Department address', dept.address, 'text'],
    ['Department contact', dept.contactName, 'text'],
    ['Department phone', dept.contactPhone, 'text'],
    ['Department email', dept.contactEmail, 'text'],
    ['Fiscal year starts in month', dept.fiscalYearStartMonth, 'number'],
    ['Records center', center.name, 'text'],
    ['Records center address', center.address, 'text'],
    ['Records center contact', center.contactName, 'text'],
    ['Records center phone', center.contactPhone, 'text'],
    ['Records center email', center.contactEmail, 'text'],
    ['How to ask for a box back', center.retrievalInstructions, 'text'],
    ['Turnaround', center.turnaround, 'text'],
    ['Turnaround (working days)', center.turnaroundWorkingDays ?? '', 'number'],
    ['Delivery options', center.deliveryOptions.map(deliveryOptionText).join('; '), 'text'],
    ['Disposition notice (days)', center.dispositionNoticeDays ?? '', 'number'],
    ['If a box is lost or damaged', center.lossPolicy, 'text'],
    ...manifest.scheduleItems.map((item): [string, CellValue, ColumnKind] => [
      `Schedule item ${item.itemNumber}`,
      [item.title, item.retentionText, `disposition: ${item.disposition}`, item.citation].filter(Boolean).join(' · '),
      'text',
    ]),
  ];
}
