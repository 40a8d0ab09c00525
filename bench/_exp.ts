import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { Database } from '../electron/storage/database';
import { catalogContext } from '../electron/catalog/open-catalog';
import { listFolders } from '../electron/catalog/folder-search';
let t = performance.now();
const bytes = await readFile('/tmp/bench-1000000.sqlite');
console.log('read', performance.now() - t); t = performance.now();
const db = await Database.fromBytes(bytes);
console.log('open', performance.now() - t);
const context = catalogContext(db, 'b', () => new Date());
console.log('pages', db.all('PRAGMA page_count'), db.all('PRAGMA page_size'));
console.log(db.get('SELECT sum(length(title)+length(file_code)+length(notes)) AS text FROM folder'));
for (const q of ['per', 'permit', 'oak', 'smith', 'bp 2019', '0412', 'corresp', 'budget 2017', 'inspection', 'zz-nothing', 'gs 1010', 'minutes', 'p', 'jo']) {
  context.version.value++;
  t = performance.now(); const r = listFolders(context, { query: q }, 0, 100); const a = performance.now() - t;
  t = performance.now(); listFolders(context, { query: q }, 100, 100); const b = performance.now() - t;
  console.log(q.padEnd(12), String(r.total).padStart(7), 'list', a.toFixed(1), 'page2', b.toFixed(1));
}
