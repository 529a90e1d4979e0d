// What the SQL store needs of a database: queries with `?` parameters, inserts that return the new
// row's id, transactions, and the few places where SQLite's and PostgreSQL's SQL differ (the
// dialect). The store's queries are written once, against this.

export interface SqlQueries {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  get<T>(sql: string, params?: unknown[]): Promise<T | undefined>;
  /** Runs a statement; returns how many rows it changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** Runs an INSERT into a table with an `id` key; returns the new row's id. */
  insert(sql: string, params?: unknown[]): Promise<number>;
}

export interface Dialect {
  /** The column type of an auto-numbered integer key. */
  readonly autoId: string;
  /** Appended to a SELECT inside a transaction to lock the rows it reads. */
  readonly forUpdate: string;
  /** A number read from a field of a JSON text column. */
  jsonNumber(column: string, field: string): string;
}

export interface SqlDriver extends SqlQueries {
  readonly kind: "sqlite" | "postgres";
  readonly dialect: Dialect;
  /** Runs `fn` in one transaction that takes the write lock at once; rolls back if it throws. */
  transaction<T>(fn: (tx: SqlQueries) => Promise<T>): Promise<T>;
  /** Runs a script of statements (the schema). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}
