// The import's problem list as a CSV file the person can open beside the spreadsheet they are fixing: every row
// that could not be read, not only the first ones the review step has room for. Same CSV rules as manifest.csv.
import { csvField } from '../exchange/manifest-csv';
import type { RowProblem } from './types';

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
