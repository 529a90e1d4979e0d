// The embedded store: one SQLite file (created with its directory if missing), shared safely by
// several processes on one machine.

import { LoopaiError } from "../errors.js";
import { SqlStore, schema } from "./sql-store.js";
import { SQLITE, SqliteDriver } from "./sqlite-driver.js";

export class SqliteStore extends SqlStore {
  constructor(readonly path: string) {
    let driver: SqliteDriver;
    try {
      driver = new SqliteDriver(path, schema(SQLITE));
    } catch (err) {
      throw new LoopaiError(`cannot open store ${path}: ${(err as Error).message}`, "store");
    }
    super(driver);
  }
}
