// Writes a planned retention schedule as one change. Items already in the schedule are skipped or updated; an
// updated rule moves the disposition dates of every folder filed under it, inside the same change.
import type { ImportApplyResult } from '../../shared/api/contract-import';
import type { CatalogContext } from '../catalog/context';
import { recomputeFolders } from '../catalog/derived';
import { insertScheduleItem } from '../schedule/schedule-store';
import type { ApplyOptions } from './apply-inventory';
import { count } from './import-words';
import type { SchedulePlan } from './schedule-plan';

type Counts = Omit<ImportApplyResult, 'label' | 'report'>;

export function scheduleCounts(plan: SchedulePlan, onDuplicate: 'skip' | 'update'): Counts {
  const existing = plan.items.filter((item) => item.existingId !== null).length;
  return {
    boxesCreated: 0,
    boxesUpdated: 0,
    foldersCreated: 0,
    foldersUpdated: 0,
    foldersSkipped: 0,
    foldersUnlinked: 0,
    scheduleItemsCreated: plan.items.length - existing,
    scheduleItemsUpdated: onDuplicate === 'update' ? existing : 0,
    scheduleItemsSkipped: onDuplicate === 'update' ? 0 : existing,
  };
}

export function applySchedule(context: CatalogContext, plan: SchedulePlan, options: ApplyOptions): Counts & { label: string } {
  const counts = scheduleCounts(plan, options.onDuplicate);
  const label = `Import ${count(counts.scheduleItemsCreated + counts.scheduleItemsUpdated, 'schedule item')} from ${plan.fileName}`;
  context.history.change(
    label,
    (change) => {
      let written = 0;
      for (const { item, existingId } of plan.items) {
        if (existingId === null) {
          insertScheduleItem(context, item, (id) => change.record('schedule_item', id, 'create', undefined, context.history.snapshot('schedule_item', id)));
        } else if (options.onDuplicate === 'update') {
          const before = context.history.snapshot('schedule_item', existingId);
          context.db.run(
            `UPDATE schedule_item SET item_number = ?, title = ?, description = ?, rule = ?, retention_text = ?, disposition = ?,
               citation = ? WHERE id = ?`,
            [item.itemNumber, item.title, item.description, JSON.stringify(item.rule), item.retentionText, item.disposition, item.citation, existingId],
          );
          change.record('schedule_item', existingId, 'update', before, context.history.snapshot('schedule_item', existingId));
          recomputeFolders(context, 'schedule_item_id = ?', [existingId]);
        } else continue;
        written += 1;
        options.afterRecord?.(written);
      }
    },
    'import',
  );
  return { ...counts, label };
}
