// The import's problem list, and its list of skipped rows, as CSV files the person can open beside the spreadsheet
// they are fixing: every row, not only the first ones the review step has room for. Same CSV rules as manifest.csv.
import { csvField } from '../exchange/manifest-csv';
import { skipReasonLabels } from './import-model';
import type { RowProblem, SkippedRow } from './types';

const BOM = '\uFEFF';

export function problemsCsv(problems: readonly RowProblem[]): string {
  const lines = [['Sheet', 'Row', 'Column', 'Problem'].map(csvField).join(',')];
  for (const problem of problems) lines.push([problem.sheet, problem.row, problem.column, problem.reason].map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** "boxlist.xlsx" → "boxlist – import problems.csv". */
export function problemsCsvName(fileName: string): string {
  return `${fileName.replace(/\.[^.]*$/, '') || 'import'} – import problems.csv`;
}

/** Every skipped row: its sheet and row number, why it was skipped, and what it holds as written. */
export function skippedRowsCsv(sheet: string, skippedRows: readonly SkippedRow[]): string {
  const lines = [['Sheet', 'Row', 'Why it was skipped', 'What the row holds'].map(csvField).join(',')];
  for (const skipped of skippedRows) lines.push([sheet, skipped.row, skipReasonLabels[skipped.reason], skipped.text].map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** "boxlist.xlsx" → "boxlist – skipped rows.csv". */
export function skippedRowsCsvName(fileName: string): string {
  return `${fileName.replace(/\.[^.]*$/, '') || 'import'} – skipped rows.csv`;
}
