// A retention schedule read row by row into schedule items. The retention text is always kept exactly as the schedule
// prints it; the structured rule is read from it where it can be (see shared/schedule/retention-text.ts), and where
// it cannot the item gets a placeholder rule that never makes anything due (permanent) and ruleParsed: false, so the
// import lists it for a person to set by hand.
//
// Disposition: the schedule's word read as destroy / archives / review. Left blank, a permanent item goes to the
// archives and any other is destroyed (schedules leave "destroy" unsaid); a word that cannot be read becomes
// "review", because an instruction nobody understood must not lead to destruction.
import { AppError } from '../domain/errors';
import type { DispositionAction, RetentionRule } from '../domain/types';
import { readDispositionText, readRetentionText, UNREAD_RULE_PLACEHOLDER } from '../schedule/retention-text';
import { RowReader, columnsByField, formulasWithoutValueByRow } from './row-reader';
import { mappedHeadings, skipReason, skippedRow } from './row-kinds';
import type { ColumnMapping, ImportedScheduleItem, ImportReport, ScheduleField, SheetTable, SkippedRow } from './types';

export function interpretSchedule(
  table: SheetTable,
  mapping: ColumnMapping<ScheduleField>,
): { items: ImportedScheduleItem[]; report: ImportReport; skippedRows: SkippedRow[] } {
  const columns = columnsByField(mapping);
  const refuse = (message: string) => new AppError('invalid-input', message, { field: 'mapping', sheet: table.name });
  if (mapping.headerRow < 0 || mapping.headerRow >= table.rows.length) {
    throw refuse(`Sheet "${table.name}" has no row ${mapping.headerRow + 1} to take the headings from.`);
  }
  if (!columns.has('itemNumber')) throw refuse(`Choose the column of sheet "${table.name}" that holds the item number (e.g. GS 1010).`);
  if (!columns.has('seriesTitle') && !columns.has('description')) {
    throw refuse(`Choose the column of sheet "${table.name}" that holds the series title.`);
  }

  const headings = mappedHeadings(mapping);
  const keyColumns = (columns.get('itemNumber') ?? []).map((column) => column.index);
  const report: ImportReport = { rowsRead: 0, rowsImported: 0, rowsSkippedBlank: 0, rowsSkippedTotal: 0, problems: [] };
  const items: ImportedScheduleItem[] = [];
  const skippedRows: SkippedRow[] = [];
  const unvaluedColumns = formulasWithoutValueByRow(table);

  for (let index = mapping.headerRow + 1; index < table.rows.length; index += 1) {
    const row = table.rows[index] ?? [];
    report.rowsRead += 1;
    const reader = new RowReader(row, table.rowNumbers[index] ?? index + 1, table.name, columns, unvaluedColumns(index));
    const skip = skipReason(row, reader.blank, headings, keyColumns);
    if (skip !== null) {
      if (skip === 'total') report.rowsSkippedTotal += 1;
      else report.rowsSkippedBlank += 1;
      skippedRows.push(skippedRow(row, reader.rowNumber, skip));
      continue;
    }
    const itemNumber = reader.text('itemNumber', ' ').replace(/\s+/g, ' ');
    const seriesTitle = reader.text('seriesTitle', ' — ');
    const description = reader.text('description');
    // A schedule without a title column names its series in the description: its first line is the title.
    const title = seriesTitle || (columns.has('seriesTitle') ? '' : description.split('\n')[0]);
    // A formula with no value is already reported: its column is not also said to be empty.
    if (itemNumber === '' && !reader.lacksValue('itemNumber')) {
      reader.problem(reader.columnOf('itemNumber'), 'No item number: every schedule item needs its number (e.g. GS 1010)');
    }
    const titleField = columns.has('seriesTitle') ? 'seriesTitle' : 'description';
    if (title === '' && !reader.lacksValue(titleField)) reader.problem(reader.columnOf(titleField), 'No series title: say what records the item covers');
    if (reader.problems.length > 0) {
      report.problems.push(...reader.problems);
      continue;
    }

    const retentionText = reader.text('retention', ' ');
    const rule = readRetentionText(retentionText);
    items.push({
      sourceRow: reader.rowNumber,
      ruleParsed: rule !== null,
      itemNumber,
      title,
      description: seriesTitle ? description : description.split('\n').slice(1).join('\n').trim(),
      rule: rule ?? UNREAD_RULE_PLACEHOLDER,
      retentionText,
      disposition: dispositionOf(reader.text('disposition', ' '), rule),
      citation: reader.text('citation', '; '),
    });
    report.rowsImported += 1;
  }
  return { items, report, skippedRows };
}

function dispositionOf(text: string, rule: RetentionRule | null): DispositionAction {
  const read = readDispositionText(text);
  if (read) return read;
  if (text !== '') return 'review';
  return rule?.kind === 'permanent' ? 'archives' : 'destroy';
}
