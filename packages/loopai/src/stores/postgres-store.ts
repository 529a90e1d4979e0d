// The shared store: one PostgreSQL database for any number of loopai instances.

import { LoopaiError } from "../errors.js";
import { PostgresDriver } from "./postgres-driver.js";
import { SqlStore, schema } from "./sql-store.js";

export class PostgresStore extends SqlStore {
  /** Connects and creates the tables if they are missing. */
  static async connect(url: string): Promise<PostgresStore> {
    const driver = new PostgresDriver(url);
    try {
      await driver.exec(schema(driver.dialect));
    } catch (err) {
      await driver.close().catch(() => {});
      throw new LoopaiError(`cannot open store ${redact(url)}: ${(err as Error).message}`, "store");
    }
    return new PostgresStore(driver);
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@]*@/, "$1:***@");
}
