// SQLite through better-sqlite3: synchronous calls on one connection, each statement prepared
// once. WAL lets readers in other processes go on while one writes, and a transaction begins
// IMMEDIATE (it takes the write lock before reading), so several processes on one file serialise
// their task-state changes.
//
// A transaction must have the database to itself within this process: while one is open, other
// callers' queries wait for it to end, instead of slipping into it on the same connection (they
// would be rolled back with it) or, on another connection to the same file, blocking the process
// on SQLite's lock while the transaction waits for the event loop to finish.

import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import type { Dialect, SqlDriver, SqlQueries } from "./sql-driver.js";

export const SQLITE: Dialect = {
  autoId: "INTEGER PRIMARY KEY",
  forUpdate: "",
  jsonNumber: (column, field) => `json_extract(${column}, '$.${field}')`,
};

/** Per database file in this process: settles when the open transaction ends. */
const openTransactions = new Map<string, Promise<void>>();

export class SqliteDriver implements SqlDriver {
  readonly kind = "sqlite";
  readonly dialect = SQLITE;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** The file's key in openTransactions (an in-memory database is its own). */
  private readonly file: string;
  /** The transaction's own queries: they run on the connection without waiting. */
  private readonly direct: SqlQueries;

  /** Opens (creating) the database file and runs `schema` on it. */
  constructor(path: string, schema: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.file = path === ":memory:" ? `:memory:${Math.random()}` : resolve(path);
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    // Another process holding the write lock makes a writer wait this long before SQLITE_BUSY.
    this.db.pragma("busy_timeout = 10000");
    this.db.exec(schema);
    this.direct = {
      all: async <T>(sql: string, params: unknown[] = []) => this.statement(sql).all(...params) as T[],
      get: async <T>(sql: string, params: unknown[] = []) => this.statement(sql).get(...params) as T | undefined,
      run: async (sql, params = []) => this.statement(sql).run(...params).changes,
      insert: async (sql, params = []) => Number(this.statement(sql).run(...params).lastInsertRowid),
    };
  }

  private statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Runs `op` once no transaction holds the file, with no await between that check and `op`. */
  private async whenFree<T>(op: () => T): Promise<T> {
    for (let open = openTransactions.get(this.file); open; open = openTransactions.get(this.file)) await open;
    return op();
  }

  all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.whenFree(() => this.statement(sql).all(...params) as T[]);
  }

  get<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return this.whenFree(() => this.statement(sql).get(...params) as T | undefined);
  }

  run(sql: string, params: unknown[] = []): Promise<number> {
    return this.whenFree(() => this.statement(sql).run(...params).changes);
  }

  insert(sql: string, params: unknown[] = []): Promise<number> {
    return this.whenFree(() => Number(this.statement(sql).run(...params).lastInsertRowid));
  }

  async transaction<T>(fn: (tx: SqlQueries) => Promise<T>): Promise<T> {
    let end = () => {};
    await this.whenFree(() =>
      openTransactions.set(
        this.file,
        new Promise((done) => {
          end = done;
        }),
      ),
    );
    try {
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(this.direct);
        this.db.exec("COMMIT");
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw err;
      }
    } finally {
      openTransactions.delete(this.file);
      end();
    }
  }

  async exec(script: string): Promise<void> {
    await this.whenFree(() => this.db.exec(script));
  }

  close(): Promise<void> {
    return this.whenFree(() => {
      this.db.close();
    });
  }
}
