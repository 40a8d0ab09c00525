import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { buildSampleCatalog } from '../shared/catalog/sample-data';
import { catalogContext } from '../electron/catalog/open-catalog';
import { insertBox } from '../electron/catalog/box-store';
import { insertFolder } from '../electron/catalog/folder-store';
import { setDepartment } from '../electron/catalog/profile-store';
import { insertScheduleItem } from '../electron/schedule/schedule-store';
import { ruleLookup } from '../electron/catalog/derived';
import { Database } from '../electron/storage/database';
import { migrate } from '../electron/storage/migrate';
const N = Number(process.argv[2]);
const db = await Database.fromBytes(); migrate(db);
const context = catalogContext(db, 'b', () => new Date());
const tpl = buildSampleCatalog({ boxes: 1 });
setDepartment(context, tpl.department);
const ids = new Map<string, number>();
for (const item of tpl.scheduleItems) ids.set(item.itemNumber, insertScheduleItem(context, item, () => {}));
const derive = ruleLookup(context);
let made = 0, seed = 1, ins = 0;
while (made < N) {
  const chunk = buildSampleCatalog({ boxes: 500, seed: seed++ });
  const t = performance.now();
  db.transaction(() => { for (const { folders, ...box } of chunk.boxes) for (let p = 0; p < folders.length && made < N; p += 10) {
    const b = insertBox(context, { ...box, label: `${box.label}-${seed}-${p / 10}` });
    for (const { itemNumber, ...f } of folders.slice(p, p + 10)) { if (made >= N) break; insertFolder(context, b, { ...f, position: undefined, scheduleItemId: ids.get(itemNumber) ?? null }, derive, 7); made++; }
  } });
  ins += performance.now() - t;
}
console.log('insert ms', ins);
await writeFile(`/tmp/bench-${N}.sqlite`, db.export());
