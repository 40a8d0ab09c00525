// A retention schedule read against the catalog, before anything is written: every item checked as the schedule
// screen would check it, item numbers already in the schedule found (duplicates), retention text that could not be
// read as a rule listed so a person sets it by hand.
import { fieldLabel } from '../../shared/domain/validation';
import { scheduleItemInputSchema, type ScheduleItemInput } from '../../shared/domain/types';
import { interpretSchedule } from '../../shared/import/interpret-schedule';
import type { ColumnMapping, ImportReport, RowProblem, ScheduleField, SkippedRow } from '../../shared/import/types';
import type { CatalogContext } from '../catalog/context';
import { sheetOf, type StoredFile } from './imported-files';
import { normalizeKey } from './schedule-links';

export interface PlannedScheduleItem {
  row: number;
  item: ScheduleItemInput;
  ruleParsed: boolean;
  existingId: number | null;
}

export interface SchedulePlan {
  kind: 'schedule';
  fileName: string;
  sheet: string;
  report: ImportReport;
  skippedRows: SkippedRow[];
  items: PlannedScheduleItem[];
}

export function planSchedule(context: CatalogContext, file: StoredFile, mapping: ColumnMapping<ScheduleField>): SchedulePlan {
  const table = sheetOf(file, mapping.sheet);
  const { items, report, skippedRows } = interpretSchedule(table, mapping);
  const problems: RowProblem[] = [...report.problems];
  let refusedRows = 0;
  const refuse = (row: number, column: string, reason: string) => {
    problems.push({ sheet: table.name, row, column, reason });
    refusedRows += 1;
  };

  const existing = new Map<string, number>();
  for (const item of context.db.all<{ id: number; item_number: string }>('SELECT id, item_number FROM schedule_item')) {
    existing.set(normalizeKey(item.item_number), item.id);
  }
  const seen = new Map<string, number>();
  const planned: PlannedScheduleItem[] = [];
  for (const { sourceRow, ruleParsed, ...fields } of items) {
    const parsed = scheduleItemInputSchema.safeParse(fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      refuse(sourceRow, fieldLabel(issue.path), issue.message);
      continue;
    }
    const key = normalizeKey(parsed.data.itemNumber);
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      // The schedule's item numbers are unique; a second row with one is a typing slip the person must resolve.
      refuse(sourceRow, 'Item number', `${parsed.data.itemNumber} is also on row ${firstRow}; each item number can appear once.`);
      continue;
    }
    seen.set(key, sourceRow);
    planned.push({ row: sourceRow, item: parsed.data, ruleParsed, existingId: existing.get(key) ?? null });
  }

  problems.sort((a, b) => a.row - b.row);
  return {
    kind: 'schedule',
    fileName: file.fileName,
    sheet: table.name,
    report: { ...report, rowsImported: Math.max(0, report.rowsImported - refusedRows), problems },
    skippedRows,
    items: planned,
  };
}
