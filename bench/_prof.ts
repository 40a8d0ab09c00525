import { performance } from 'node:perf_hooks';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSampleCatalog } from '../shared/catalog/sample-data';
import { catalogContext } from '../electron/catalog/open-catalog';
import { insertBox } from '../electron/catalog/box-store';
import { insertFolder, listFolders, folderWhere } from '../electron/catalog/folder-store';
import { setDepartment } from '../electron/catalog/profile-store';
import { insertScheduleItem } from '../electron/schedule/schedule-store';
import { CatalogFile } from '../electron/storage/catalog-file';
const dir = await mkdtemp(join(tmpdir(), 'p-'));
const file = await CatalogFile.create(join(dir, 'x.transmittal'), { keepBackups: 0 });
const context = catalogContext(file.db, 'b', () => new Date());
const tpl = buildSampleCatalog({ boxes: 1 });
setDepartment(context, tpl.department);
const ids = new Map<string, number>();
for (const item of tpl.scheduleItems) ids.set(item.itemNumber, insertScheduleItem(context, item, () => {}));
const chunk = buildSampleCatalog({ boxes: 400, seed: 9 });
let t = performance.now(); let n = 0;
context.db.transaction(() => { for (const { folders, ...box } of chunk.boxes) { const b = insertBox(context, box); for (const { itemNumber, ...f } of folders) { insertFolder(context, b, { ...f, scheduleItemId: ids.get(itemNumber) ?? null }); n++; } } });
console.log('insert', n, performance.now() - t);
for (const q of ['per', 'permit', 'oak', 'smith', 'bp 2019', 'gs 1010', 'corresp']) {
  context.version.value++;
  t = performance.now(); const r = listFolders(context, { query: q }, 0, 100); const a = performance.now() - t;
  const w = folderWhere({ query: q });
  t = performance.now(); context.db.get(`SELECT count(*) FROM folder f ${w.sql}`, w.params); const c = performance.now() - t;
  console.log(q, r.total, a.toFixed(1), 'count', c.toFixed(1));
  console.log(context.db.all(`EXPLAIN QUERY PLAN SELECT f.id FROM folder f ${w.sql} ORDER BY f.box_id, f.position LIMIT 100`, w.params).map((r: any) => r.detail).join(' | '));
}
{
  const box = insertBox(context, { label: 'X', cubicFeet: 1, officeLocation: '', status: 'in-office', notes: '' });
  const f = chunk.boxes[0].folders[0];
  let t0 = performance.now();
  context.db.transaction(() => { for (let i = 0; i < 5000; i++) insertFolder(context, box, { ...f, position: i + 1, scheduleItemId: null }); });
  console.log('insertFolder x5000', performance.now() - t0);
  t0 = performance.now();
  context.db.transaction(() => { for (let i = 0; i < 5000; i++) context.db.run('INSERT INTO folder (box_id, position, title, created_at, updated_at) VALUES (?,?,?,?,?)', [box, i, f.title, 'x', 'x']); });
  console.log('raw insert x5000', performance.now() - t0);
  t0 = performance.now();
  for (let i = 0; i < 5000; i++) (await import('../shared/schedule/disposition')).computeDisposition({ beginDate: '2019', endDate: '2020-03', eventDate: '', legalHold: false }, { rule: { kind: 'period', years: 3, months: 0, trigger: 'calendar-year', eventName: '' }, disposition: 'destroy' }, 7);
  console.log('computeDisposition x5000', performance.now() - t0);
}
