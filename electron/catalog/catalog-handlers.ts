// The contract's catalog calls, mapped to the catalog's operations on the open catalog.
import { boxTimeline, verifyCustodyChain } from '../custody/custody-events';
import { timelineEntry } from '../../shared/custody/timeline';
import { moveFolders, planRebox, rebox } from './move-folders';
import { setEventDates } from './event-dates';
import type { ApiHandlers } from '../../shared/api/contract';
import type { importContract } from '../../shared/api/contract-import';
import type { transferContract } from '../../shared/api/contract-transfers';
import type { exchangeContract } from '../../shared/api/contract-exchange';
import type { centerContract } from '../../shared/api/contract-center';
import { createBox, deleteBoxes, getBox, listBoxes, updateBox } from './box-store';
import type { CatalogContext } from './context';
import { pasteFolders } from './folder-paste';
import { createFolder, deleteFolders, updateFolder } from './folder-store';
import { listFolders } from './folder-search';
import {
  createRecordsCenter, deleteRecordsCenter, getDepartment, listRecordsCenters, setDepartment, updateRecordsCenter,
} from './profile-store';
import { catalogSummary } from './summary';
import type { retrievalContract } from '../../shared/api/contract-retrieval';
import type { dispositionContract } from '../../shared/api/contract-disposition';
import { createScheduleItem, deleteScheduleItem, listScheduleItems, updateScheduleItem } from '../schedule/schedule-store';

type CatalogMethods = Exclude<
  keyof ApiHandlers,
  | keyof typeof importContract
  | keyof typeof transferContract
  | keyof typeof exchangeContract
  | keyof typeof centerContract
  | keyof typeof retrievalContract
  | keyof typeof dispositionContract
  | 'app.status' | `catalog.${'create' | 'open' | 'openBackup' | 'openSample' | 'close' | 'save' | 'reload' | 'saveAs'}` | 'history.undo' | 'history.redo' | 'jobs.get' | 'jobs.cancel'
>;

export function catalogHandlers(current: () => CatalogContext): Pick<ApiHandlers, CatalogMethods> {
  return {
    'catalog.summary': () => catalogSummary(current()),
    'department.get': () => getDepartment(current()),
    'department.update': (department) => setDepartment(current(), department),
    'centers.list': () => listRecordsCenters(current()),
    'centers.create': (center) => createRecordsCenter(current(), center),
    'centers.update': ({ id, center }) => updateRecordsCenter(current(), id, center),
    'centers.delete': ({ id }) => ({ deleted: deleteRecordsCenter(current(), id) }),
    'schedule.list': () => listScheduleItems(current()),
    'schedule.create': (item) => createScheduleItem(current(), item),
    'schedule.update': ({ id, item }) => updateScheduleItem(current(), id, item),
    'schedule.delete': ({ id }) => ({ deleted: deleteScheduleItem(current(), id) }),
    'boxes.list': ({ offset, limit, filter }) => listBoxes(current(), filter, offset, limit),
    'boxes.get': ({ id }) => getBox(current(), id),
    'boxes.create': (box) => createBox(current(), box),
    'boxes.update': ({ id, changes }) => updateBox(current(), id, changes),
    'boxes.delete': ({ ids }) => ({ deleted: deleteBoxes(current(), ids) }),
    'boxes.planRebox': (input) => planRebox(current(), input),
    'boxes.timeline': ({ id }) => {
      const context = current();
      const box = getBox(context, id);
      return [
        { at: box.createdAt, actor: '', what: `Catalogued as box ${box.label}` },
        ...boxTimeline(context, id).map(timelineEntry),
      ];
    },
    'custody.verify': () => verifyCustodyChain(current()),
    'boxes.rebox': (input) => rebox(current(), input),
    'folders.move': (input) => moveFolders(current(), input),
    'folders.list': ({ offset, limit, filter }) => listFolders(current(), filter, offset, limit),
    'folders.create': ({ boxId, folder }) => createFolder(current(), boxId, folder),
    'folders.update': ({ id, changes }) => updateFolder(current(), id, changes),
    'folders.setEventDates': (input) => setEventDates(current(), input),
    'folders.delete': ({ ids }) => ({ deleted: deleteFolders(current(), ids) }),
    'folders.paste': (input) => pasteFolders(current(), input),
    'history.list': ({ entity, entityId, limit }) => current().history.list({ entity, entityId, limit }),
  };
}
