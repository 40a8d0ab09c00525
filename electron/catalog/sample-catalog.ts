// Fills a new catalog with the realistic sample a newcomer can open in one click, in chunks a job can cancel.
import { buildSampleCatalog } from '../../shared/catalog/sample-data';
import type { JobControl } from '../runtime/jobs';
import type { CatalogContext } from './context';
import { insertBox } from './box-store';
import { appendCustodyEvents } from '../custody/custody-events';
import { insertFolder } from './folder-store';
import { createRecordsCenter, setDepartment } from './profile-store';
import { createScheduleItem } from '../schedule/schedule-store';
import { writeMeta } from './open-catalog';
import { optimizeSearchIndex } from './folder-search';

export async function fillSampleCatalog(context: CatalogContext, control: JobControl, boxes = 40): Promise<void> {
  const sample = buildSampleCatalog({ boxes });
  setDepartment(context, sample.department);
  for (const center of sample.recordsCenters) createRecordsCenter(context, center);
  const itemIds = new Map<string, number>();
  for (const item of sample.scheduleItems) itemIds.set(item.itemNumber, createScheduleItem(context, item).id);
  writeMeta(context.db, 'is_sample', 'true');
  control.progress(0.05, 'Adding the retention schedule');

  const chunk = 5;
  for (let start = 0; start < sample.boxes.length; start += chunk) {
    await control.checkpoint();
    const slice = sample.boxes.slice(start, start + chunk);
    context.history.change(`Add sample boxes ${start + 1}–${start + slice.length}`, (change) => {
      for (const { folders, status, ...box } of slice) {
        const boxId = insertBox(context, box);
        change.record('box', boxId, 'create', undefined, context.history.snapshot('box', boxId));
        // Boxes the story sent on paper before the catalog was kept are at the center from the start.
        if (status === 'at-records-center') appendCustodyEvents(context, [{ boxId, kind: 'recorded-at-center', detail: { note: box.notes } }]);
        for (const { itemNumber, ...folder } of folders) {
          const folderId = insertFolder(context, boxId, { ...folder, scheduleItemId: itemIds.get(itemNumber) ?? null });
          change.record('folder', folderId, 'create', undefined, context.history.snapshot('folder', folderId));
        }
      }
    }, 'import');
    control.progress(0.05 + 0.9 * ((start + slice.length) / sample.boxes.length), `Adding box ${start + slice.length} of ${sample.boxes.length}`);
  }
  optimizeSearchIndex(context);
  // The sample's setup is not something to undo box by box.
  context.history.reset();
}
