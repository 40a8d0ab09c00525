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
import { RowReader, columnsByField } from './row-reader';
import { isRepeatedHeading, isTotalRow, mappedHeadings } from './row-kinds';
import type { ColumnMapping, ImportedScheduleItem, ImportReport, ScheduleField, SheetTable } from './types';

export function interpretSchedule(table: SheetTable, mapping: ColumnMapping<ScheduleField>): { items: ImportedScheduleItem[]; report: ImportReport } {
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

  for (let index = mapping.headerRow + 1; index < table.rows.length; index += 1) {
    const row = table.rows[index] ?? [];
    report.rowsRead += 1;
    const reader = new RowReader(row, table.rowNumbers[index] ?? index + 1, table.name, columns);
    if (reader.blank || isRepeatedHeading(row, headings)) {
      report.rowsSkippedBlank += 1;
      continue;
    }
    if (isTotalRow(row, keyColumns)) {
      report.rowsSkippedTotal += 1;
      continue;
    }
    const itemNumber = reader.text('itemNumber', ' ').replace(/\s+/g, ' ');
    const seriesTitle = reader.text('seriesTitle', ' — ');
    const description = reader.text('description');
    // A schedule without a title column names its series in the description: its first line is the title.
    const title = seriesTitle || (columns.has('seriesTitle') ? '' : description.split('\n')[0]);
    if (itemNumber === '') reader.problem(reader.columnOf('itemNumber'), 'No item number: every schedule item needs its number (e.g. GS 1010)');
    if (title === '') reader.problem(reader.columnOf(columns.has('seriesTitle') ? 'seriesTitle' : 'description'), 'No series title: say what records the item covers');
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
  return { items, report };
}

function dispositionOf(text: string, rule: RetentionRule | null): DispositionAction {
  const read = readDispositionText(text);
  if (read) return read;
  if (text !== '') return 'review';
  return rule?.kind === 'permanent' ? 'archives' : 'destroy';
}
