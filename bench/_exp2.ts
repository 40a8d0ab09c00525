import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { Database } from '../electron/storage/database';
const db = await Database.fromBytes(await readFile('/tmp/bench-1000000.sqlite'));
const time = (label: string, sql: string, params: any[]) => { const t = performance.now(); const r = db.all(sql, params); console.log(label.padEnd(40), (performance.now() - t).toFixed(1), r.length); };
for (const q of ['per*', 'permit*', 'p*', 'inspection*', 'oak* st*', 'bp* 2019*']) {
  time(`${q} limit 100`, 'SELECT docid FROM folder_search WHERE folder_search MATCH ? LIMIT 100', [q]);
  time(`${q} count`, 'SELECT count(*) FROM folder_search WHERE folder_search MATCH ?', [q]);
  time(`${q} count capped 1001`, 'SELECT count(*) FROM (SELECT 1 FROM folder_search WHERE folder_search MATCH ? LIMIT 1001)', [q]);
  time(`${q} join page`, 'SELECT f.id, f.title FROM folder f WHERE f.id IN (SELECT docid FROM folder_search WHERE folder_search MATCH ? LIMIT 100)', [q]);
  time(`${q} title-col`, 'SELECT docid FROM folder_search WHERE folder_search MATCH ? LIMIT 100', [q.split(' ').map((w) => 'title:' + w).join(' ')]);
}
