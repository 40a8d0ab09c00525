// The one wrapper around sql.js: typed queries with bound parameters, and nested transactions through SAVEPOINT so
// every change to a catalog is all-or-nothing. Statements live in the WASM heap: each SQL text is prepared once and
// cached (preparing dominated bulk inserts), reset after every use, and all freed when the database closes.
import initSqlJs, { type Database as SqlJsDatabase, type SqlJsStatic, type SqlValue, type Statement } from 'sql.js';
import { createRequire } from 'node:module';

export type Param = SqlValue | boolean | undefined;
export type Params = Param[] | Record<string, Param>;

let sqlJs: Promise<SqlJsStatic> | null = null;

/** Loads the WASM engine once per process, from the sql.js package wherever it was installed. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!sqlJs) {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('sql.js/dist/sql-wasm.wasm');
    sqlJs = initSqlJs({ locateFile: () => wasmPath });
  }
  return sqlJs;
}

function bindable(params: Params | undefined): SqlValue[] | Record<string, SqlValue> | undefined {
  if (!params) return undefined;
  const convert = (value: Param): SqlValue => (value === undefined ? null : typeof value === 'boolean' ? (value ? 1 : 0) : value);
  if (Array.isArray(params)) return params.map(convert);
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, convert(value)]));
}

export class Database {
  private savepointDepth = 0;
  private readonly statements = new Map<string, Statement>();
  private static readonly MAX_CACHED_STATEMENTS = 200;

  constructor(readonly raw: SqlJsDatabase) {}

  static async fromBytes(bytes?: Uint8Array): Promise<Database> {
    const SQL = await loadSqlJs();
    const db = new Database(new SQL.Database(bytes));
    // The database lives in sql.js's in-memory file system and reaches the disk only through an atomic save, so a
    // journal on that file system buys no safety: keep it in memory, and skip syncs that sync nothing.
    db.raw.run('PRAGMA foreign_keys = ON');
    try {
      db.raw.run('PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY');
    } catch {
      // Bytes that are not a database fail here first; leave the clear message to the migration check that follows.
    }
    return db;
  }

  all<T>(sql: string, params?: Params): T[] {
    const statement = this.prepared(sql);
    try {
      const bound = bindable(params);
      if (bound) statement.bind(bound);
      const rows: T[] = [];
      while (statement.step()) rows.push(statement.getAsObject() as T);
      return rows;
    } finally {
      statement.reset();
    }
  }

  get<T>(sql: string, params?: Params): T | undefined {
    const statement = this.prepared(sql);
    try {
      const bound = bindable(params);
      if (bound) statement.bind(bound);
      return statement.step() ? (statement.getAsObject() as T) : undefined;
    } finally {
      statement.reset();
    }
  }

  /** First column of every row: ids, counts. */
  column<T extends SqlValue>(sql: string, params?: Params): T[] {
    const statement = this.prepared(sql);
    try {
      const bound = bindable(params);
      if (bound) statement.bind(bound);
      const values: T[] = [];
      while (statement.step()) values.push(statement.get()[0] as T);
      return values;
    } finally {
      statement.reset();
    }
  }

  run(sql: string, params?: Params): { changes: number; lastInsertRowid: number } {
    const statement = this.prepared(sql);
    try {
      const bound = bindable(params);
      if (bound) statement.bind(bound);
      statement.step();
    } finally {
      statement.reset();
    }
    return { changes: this.raw.getRowsModified(), lastInsertRowid: this.lastInsertRowid() };
  }

  /** Runs one prepared statement for many parameter sets: the fast path for bulk inserts. */
  runMany(sql: string, rows: Iterable<Params>): number {
    const statement = this.prepared(sql);
    let count = 0;
    try {
      for (const params of rows) {
        statement.run(bindable(params));
        count += 1;
      }
    } finally {
      statement.reset();
    }
    return count;
  }

  exec(sql: string): void {
    this.raw.exec(sql);
  }

  lastInsertRowid(): number {
    const statement = this.prepared('SELECT last_insert_rowid()');
    try {
      statement.step();
      return Number(statement.get()[0] ?? 0);
    } finally {
      statement.reset();
    }
  }

  private prepared(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= Database.MAX_CACHED_STATEMENTS) this.freeStatements();
      statement = this.raw.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private freeStatements(): void {
    for (const statement of this.statements.values()) statement.free();
    this.statements.clear();
  }

  /** All-or-nothing: a SAVEPOINT per level, so transactions nest. */
  transaction<T>(work: () => T): T {
    const name = `sp${this.savepointDepth}`;
    this.raw.exec(`SAVEPOINT ${name}`);
    this.savepointDepth += 1;
    try {
      const value = work();
      this.savepointDepth -= 1;
      this.raw.exec(`RELEASE ${name}`);
      return value;
    } catch (error) {
      this.savepointDepth -= 1;
      this.raw.exec(`ROLLBACK TO ${name}`);
      this.raw.exec(`RELEASE ${name}`);
      throw error;
    }
  }

  get userVersion(): number {
    return Number(this.raw.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
  }

  set userVersion(version: number) {
    if (!Number.isInteger(version) || version < 0) throw new Error(`Bad schema version ${version}`);
    this.raw.exec(`PRAGMA user_version = ${version}`);
  }

  /** sql.js 1.16 exports through SQLite's backup API, which refuses while a write transaction is open. */
  export(): Uint8Array {
    if (this.savepointDepth > 0) throw new Error('Cannot export a catalog in the middle of a transaction');
    return this.raw.export();
  }

  close(): void {
    this.freeStatements();
    this.raw.close();
  }
}
