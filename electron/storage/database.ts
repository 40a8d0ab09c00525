// The one wrapper around sql.js: typed queries with bound parameters, statements always freed (they live in the
// WASM heap), and nested transactions through SAVEPOINT so every change to a catalog is all-or-nothing.
import initSqlJs, { type Database as SqlJsDatabase, type SqlJsStatic, type SqlValue } from 'sql.js';
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

  constructor(readonly raw: SqlJsDatabase) {}

  static async fromBytes(bytes?: Uint8Array): Promise<Database> {
    const SQL = await loadSqlJs();
    const db = new Database(new SQL.Database(bytes));
    db.raw.run('PRAGMA foreign_keys = ON');
    return db;
  }

  all<T>(sql: string, params?: Params): T[] {
    const statement = this.raw.prepare(sql);
    try {
      const bound = bindable(params);
      if (bound) statement.bind(bound);
      const rows: T[] = [];
      while (statement.step()) rows.push(statement.getAsObject() as T);
      return rows;
    } finally {
      statement.free();
    }
  }

  get<T>(sql: string, params?: Params): T | undefined {
    const statement = this.raw.prepare(sql);
    try {
      const bound = bindable(params);
      if (bound) statement.bind(bound);
      return statement.step() ? (statement.getAsObject() as T) : undefined;
    } finally {
      statement.free();
    }
  }

  /** First column of every row: ids, counts. */
  column<T extends SqlValue>(sql: string, params?: Params): T[] {
    const statement = this.raw.prepare(sql);
    try {
      const bound = bindable(params);
      if (bound) statement.bind(bound);
      const values: T[] = [];
      while (statement.step()) values.push(statement.get()[0] as T);
      return values;
    } finally {
      statement.free();
    }
  }

  run(sql: string, params?: Params): { changes: number; lastInsertRowid: number } {
    const statement = this.raw.prepare(sql);
    try {
      const bound = bindable(params);
      if (bound) statement.bind(bound);
      statement.step();
    } finally {
      statement.free();
    }
    return { changes: this.raw.getRowsModified(), lastInsertRowid: this.lastInsertRowid() };
  }

  /** Runs one prepared statement for many parameter sets: the fast path for bulk inserts. */
  runMany(sql: string, rows: Iterable<Params>): number {
    const statement = this.raw.prepare(sql);
    let count = 0;
    try {
      for (const params of rows) {
        statement.run(bindable(params));
        count += 1;
      }
    } finally {
      statement.free();
    }
    return count;
  }

  exec(sql: string): void {
    this.raw.exec(sql);
  }

  lastInsertRowid(): number {
    return Number(this.raw.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0] ?? 0);
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

  /** sql.js closes and reopens the database to export it, which resets pragmas: set them again. */
  export(): Uint8Array {
    if (this.savepointDepth > 0) throw new Error('Cannot export a catalog in the middle of a transaction');
    const bytes = this.raw.export();
    this.raw.run('PRAGMA foreign_keys = ON');
    return bytes;
  }

  close(): void {
    this.raw.close();
  }
}
