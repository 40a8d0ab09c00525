import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { Database } from '../electron/storage/database';
const db = await Database.fromBytes(await readFile('/tmp/bench-1000000.sqlite'));
const pages = () => (db.get<any>('PRAGMA page_count').page_count * 4096 / 1048576).toFixed(0) + 'MB';
console.log('start', pages());
let t = performance.now();
db.exec(`DROP TABLE folder_search; CREATE VIRTUAL TABLE folder_search USING fts4 (content="folder", title, file_code, notes, tokenize=unicode61 "remove_diacritics=2");`);
db.exec(`INSERT INTO folder_search (docid, title, file_code, notes) SELECT id, title, file_code, notes FROM folder`);
db.run("INSERT INTO folder_search (folder_search) VALUES ('optimize')");
db.exec('VACUUM');
console.log('rebuilt no prefix', performance.now() - t, pages());
const time = (label: string, sql: string, params: any[]) => { const t = performance.now(); const r = db.all(sql, params); return (performance.now() - t).toFixed(1); };
for (const q of ['pe*', 'per*', 'perm*', 'permit*', 'p', 'in*', 'ins*', 'inspection*', 'bp* 2019*', 'corresp*', 'oak*', 'sm*', 'jo*'])
  console.log(q.padEnd(14), time(q, 'SELECT docid FROM folder_search WHERE folder_search MATCH ? LIMIT 5001', [q]), time(q, 'SELECT docid FROM folder_search WHERE folder_search MATCH ? LIMIT 5001', [q]));
console.log('columns', db.all("SELECT sum(length(created_at)+length(updated_at)) AS ts, sum(length(first_day)+length(last_day)+length(disposition_date)) AS days FROM folder"));
