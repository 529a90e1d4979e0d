// `--db`: a PostgreSQL URL (postgres:// or postgresql://) or a SQLite file's path.

import type { LoopaiStore } from "../store.js";
import { PostgresStore } from "./postgres-store.js";
import { SqliteStore } from "./sqlite-store.js";

export async function openStore(db: string): Promise<LoopaiStore> {
  if (/^postgres(ql)?:\/\//.test(db)) return PostgresStore.connect(db);
  return new SqliteStore(db.replace(/^sqlite:(\/\/)?/, ""));
}
