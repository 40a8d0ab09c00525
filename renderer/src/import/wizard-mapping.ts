// The column mapping as the wizard edits it: which field each column of the chosen sheet means, and which row holds
// the headings. Pure functions, so the wizard's components stay about layout.
import { fieldLabels, inventoryFields, scheduleFields, type ImportKind, type ImportSheet } from '../../../shared/api/contract-import';
import { guessColumns } from '../../../shared/import/detect-columns';
import type { ColumnMapping } from '../../../shared/import/types';

export type AnyMapping = ColumnMapping<string>;

export function fieldsFor(kind: ImportKind): { value: string; label: string }[] {
  const fields: readonly string[] = kind === 'inventory' ? inventoryFields : scheduleFields;
  return fields.map((value) => ({ value, label: fieldLabels[value as keyof typeof fieldLabels] }));
}

/** "A", "B", … "Z", "AA": columns as the spreadsheet names them. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

export function fieldOf(mapping: AnyMapping, index: number): string | null {
  return mapping.columns.find((column) => column.index === index)?.field ?? null;
}

export function withField(mapping: AnyMapping, sheet: ImportSheet, index: number, field: string | null): AnyMapping {
  const heading = sheet.previewRows[mapping.headerRow]?.[index] ?? '';
  const others = mapping.columns.filter((column) => column.index !== index);
  return { ...mapping, columns: [...others, { index, heading, field }].sort((a, b) => a.index - b.index) };
}

/** Another row holds the headings: read them there and guess each column's meaning afresh. */
export function withHeaderRow(sheet: ImportSheet, kind: ImportKind, headerRow: number): AnyMapping {
  const suggested = sheet.suggested[kind] as AnyMapping;
  if (headerRow === suggested.headerRow) return suggested;
  const headings = sheet.previewRows[headerRow] ?? [];
  const guesses = guessColumns(headings, kind, sheet.hiddenColumns);
  return { sheet: sheet.name, headerRow, columns: guesses.map(({ index, heading, field }) => ({ index, heading, field })) };
}

export function mappedCount(mapping: AnyMapping): number {
  return mapping.columns.filter((column) => column.field !== null).length;
}
