// What the CLI prints: aligned columns for people, JSON for scripts.
import type { Box, DispositionStatus, Folder } from '../../shared/domain/types';
import { count } from '../../shared/domain/words';

export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

export function printJson(output: CliOutput, value: unknown): void {
  output.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

const MAX_CELL = 60;

/** One line per cell: tabs and newlines in a title would break the columns, and very long titles are cut. */
function cell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}

/** Columns padded to their widest cell, two spaces apart; the last column is not padded. */
export function formatTable(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(cell))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  return cells
    .map((row) =>
      row
        .map((value, column) => (column === row.length - 1 ? value : (value ?? '').padEnd(widths[column])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}

/** A date span as the department wrote it: "2019-03 – 2020", "2019", or empty. */
export function dateSpan(begin: string | null | undefined, end: string | null | undefined): string {
  if (begin && end && begin !== end) return `${begin} – ${end}`;
  return begin || end || '';
}

const DISPOSITION_WORDS: Record<DispositionStatus, string> = {
  scheduled: '',
  'on-hold': 'on legal hold',
  permanent: 'permanent',
  'awaiting-event': 'after event',
  'no-schedule': 'no schedule item',
  undated: 'needs dates',
};

/** The disposition date when there is one; otherwise why there is none, in words. */
export function dispositionText(folder: Pick<Folder, 'dispositionDate' | 'dispositionStatus'>): string {
  if (folder.dispositionStatus === 'on-hold') return DISPOSITION_WORDS['on-hold'];
  return folder.dispositionDate ?? DISPOSITION_WORDS[folder.dispositionStatus] ?? '';
}

export function folderTable(folders: Folder[]): string {
  return formatTable(
    ['Box', 'No.', 'Title', 'File code', 'Dates', 'Disposition'],
    folders.map((folder) => [
      folder.boxLabel,
      folder.position,
      folder.title,
      folder.fileCode,
      dateSpan(folder.beginDate, folder.endDate),
      dispositionText(folder),
    ]),
  );
}

export function boxTable(boxes: Box[]): string {
  return formatTable(
    ['Box', 'Cu. ft.', 'Location', 'Status', 'Folders', 'Dates'],
    boxes.map((box) => [box.label, box.cubicFeet, box.officeLocation, box.status, box.folderCount, dateSpan(box.dateFrom, box.dateTo)]),
  );
}

/** "1 box", "2,345 boxes". */
export { count };
