// A small catalog in memory for the transfer tests: a department, a complete records center, two schedule items and
// boxes of folders, built through the same store functions the app uses.
import { catalogContext } from '../../../electron/catalog/open-catalog';
import type { CatalogContext } from '../../../electron/catalog/context';
import { createBox } from '../../../electron/catalog/box-store';
import { createFolder } from '../../../electron/catalog/folder-store';
import { createRecordsCenter, setDepartment } from '../../../electron/catalog/profile-store';
import { createScheduleItem } from '../../../electron/schedule/schedule-store';
import { Database } from '../../../electron/storage/database';
import { migrate } from '../../../electron/storage/migrate';
import { BOX_STATUS_SQL } from '../../../electron/custody/box-status';
import { appendCustodyEvents } from '../../../electron/custody/custody-events';
import type { CustodyEventKind } from '../../../shared/custody/events';
import { folderInputSchema, recordsCenterInputSchema, type FolderInput } from '../../../shared/domain/types';

export const FIXED_NOW = new Date('2026-03-01T10:00:00.000Z');

export interface TransferCatalog {
  context: CatalogContext;
  centerId: number;
  permitsItemId: number;
  minutesItemId: number;
  /** Box ids by label. */
  boxes: Map<string, number>;
  /** Moves the clock on, so "created" and "sent" times differ. */
  advance(ms: number): void;
}

export async function transferCatalog(options: { boxes?: number; foldersPerBox?: number } = {}): Promise<TransferCatalog> {
  const db = await Database.fromBytes();
  migrate(db);
  let now = FIXED_NOW.getTime();
  const context = catalogContext(db, 'tester', () => new Date(now));
  setDepartment(context, {
    name: 'Public Works', code: 'PW', address: '1 Main Street\nSpringfield', contactName: 'Ana Ruiz', contactPhone: '555-0100',
    contactEmail: 'ana@city.example', officialName: 'Sam Ortiz', officialTitle: 'Public Works Director', fiscalYearStartMonth: 7,
  });
  const center = createRecordsCenter(
    context,
    recordsCenterInputSchema.parse({
      name: 'State Records Center', address: '1 Archive Way, Capital City', contactName: 'Lee Park', contactPhone: '555-0199',
      contactEmail: 'src@state.example', retrievalInstructions: 'Email the transfer and box number to src@state.example.',
      turnaround: 'Next working day', turnaroundWorkingDays: 1, dispositionNoticeDays: 90, deliveryOptions: ['box-returned', 'scan-on-demand'],
      lossPolicy: 'Reported within one working day; recovery at the center’s cost.',
    }),
  );
  const permits = createScheduleItem(context, {
    itemNumber: 'GS 1010', title: 'Building permits', description: '', retentionText: 'CY+3', disposition: 'destroy', citation: 'RCW 40.14',
    rule: { kind: 'period', years: 3, months: 0, trigger: 'calendar-year', eventName: '' },
  });
  const minutes = createScheduleItem(context, {
    itemNumber: 'GS 2020', title: 'Council minutes', description: '', retentionText: 'Permanent', disposition: 'archives', citation: '',
    rule: { kind: 'permanent' },
  });
  const boxes = new Map<string, number>();
  const count = options.boxes ?? 3;
  for (let index = 1; index <= count; index += 1) {
    const label = `PW-${String(index).padStart(3, '0')}`;
    const box = createBox(context, { label, cubicFeet: 1.2, officeLocation: 'Room 104', notes: '' });
    boxes.set(label, box.id);
    for (let position = 1; position <= (options.foldersPerBox ?? 2); position += 1) {
      addFolder(context, box.id, { title: `Oak Street permits ${index}.${position}`, fileCode: `BP-${index}-${position}`, scheduleItemId: permits.id, beginDate: '2018-03', endDate: '2019' });
    }
  }
  return {
    context, centerId: center.id, permitsItemId: permits.id, minutesItemId: minutes.id, boxes,
    advance: (ms) => {
      now += ms;
    },
  };
}

export function addFolder(context: CatalogContext, boxId: number, folder: Partial<FolderInput> & { title: string }): number {
  return createFolder(context, boxId, folderInputSchema.parse(folder)).id;
}

export function boxStatus(context: CatalogContext, boxId: number): string {
  return context.db.get<{ status: string }>(`SELECT ${BOX_STATUS_SQL} AS status FROM box b WHERE b.id = ?`, [boxId])!.status;
}

/** Records what a records center reports about a box (as its updates will), outside undo like every custody event. */
export function recordCustody(context: CatalogContext, boxId: number, kind: CustodyEventKind): void {
  context.history.untracked(() => appendCustodyEvents(context, [{ boxId, kind }]));
}
