// A department catalog for legal holds: Public Works' transfer of three boxes (PW-1 Oak, PW-2 Elm, PW-3 Maple; a
// 2018 and a 2019 folder each, series GS 1010) sent on 2026-03-02, and a fourth box PW-4 still in the office (series
// GS 2020: "Smith v. City correspondence" 2021, "Budget memos" 2022). The first folder of PW-1 is held by hand.
import type { Folder } from '../../../shared/domain/types';
import type { HoldScope } from '../../../shared/exchange/disposition';
import { departmentTransfer } from '../center/center-fixtures';
import { clockedSession, type ClockedSession } from '../retrieval/retrieval-fixtures';

/** A scope with nothing in it, to spread the part a test sets over. */
export const emptyScope = (): HoldScope => ({ itemNumbers: [], dateFrom: null, dateTo: null, boxIds: [], folderIds: [], words: '' });

export interface HoldCatalog {
  t: ClockedSession;
  transferId: number;
  boxes: Record<string, number>;
  folders: Record<string, number[]>;
}

export async function holdCatalog(options: { send?: boolean } = {}): Promise<HoldCatalog> {
  const t = await clockedSession('2026-03-02T09:00:00.000Z');
  const transferId = await departmentTransfer(t);
  const itemId = (await t.call('schedule.create', { itemNumber: 'GS 2020', title: 'Correspondence', rule: { kind: 'period', years: 2, months: 0, trigger: 'calendar-year' }, retentionText: 'CY+2' })).id;
  const pw4 = (await t.call('boxes.create', { label: 'PW-4', cubicFeet: 1.2 })).id;
  await t.call('folders.create', { boxId: pw4, folder: { title: 'Smith v. City correspondence', fileCode: 'CO', scheduleItemId: itemId, beginDate: '2021', endDate: '2021' } });
  await t.call('folders.create', { boxId: pw4, folder: { title: 'Budget memos', fileCode: 'CO', scheduleItemId: itemId, beginDate: '2022', endDate: '2022' } });
  const boxes: Record<string, number> = {};
  const folders: Record<string, number[]> = {};
  for (const box of (await t.call('boxes.list', { offset: 0, limit: 100, filter: { query: '' } })).rows) {
    boxes[box.label] = box.id;
    folders[box.label] = (await t.call('folders.list', { offset: 0, limit: 100, filter: { query: '', boxId: box.id } })).rows.map((folder) => folder.id);
  }
  await t.call('folders.update', { id: folders['PW-1'][0], changes: { legalHold: true, legalHoldReason: 'Audit 2026' } });
  if (options.send !== false) await t.call('transfers.send', { id: transferId, eligibleReason: 'The boxes are evidence in an open appeal' });
  return { t, transferId, boxes, folders };
}

/** Every folder of the catalog by id, as the grid shows it. */
export async function foldersById(t: ClockedSession): Promise<Map<number, Folder>> {
  const rows = (await t.call('folders.list', { offset: 0, limit: 500, filter: { query: '' } })).rows;
  return new Map(rows.map((folder) => [folder.id, folder]));
}

export function eventsOf(t: ClockedSession, kind: string): { box_id: number; detail: Record<string, unknown> }[] {
  return t
    .context()
    .db.all<{ box_id: number; detail: string }>('SELECT box_id, detail FROM custody_event WHERE kind = ? ORDER BY id', [kind])
    .map((row) => ({ box_id: row.box_id, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}
