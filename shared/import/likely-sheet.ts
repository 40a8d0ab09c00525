// Which sheet of a workbook a person most likely means to import, in the app and in the CLI alike: a visible sheet
// before any hidden one, then the one whose columns Transmittal recognised best (the first such on a tie).
import type { ImportedFile, ImportKind, ImportSheet } from './import-model';

const recognised = (sheet: ImportSheet, kind: ImportKind) => sheet.suggested[kind].columns.filter((column) => column.field !== null).length;

export function likelySheet(file: ImportedFile, kind: ImportKind): ImportSheet {
  const visible = file.sheets.filter((sheet) => !sheet.hidden);
  const candidates = visible.length > 0 ? visible : file.sheets;
  return candidates.reduce((best, sheet) => (recognised(sheet, kind) > recognised(best, kind) ? sheet : best));
}
