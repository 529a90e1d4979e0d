/** Reads a task's stdout or stderr log from a byte offset on, for a reader that follows it as it grows. A
 * first read of a long log gives only its end, from a line's start; a read never ends inside a character,
 * whose rest the next read gives. */
import { closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs";

export interface LogChunk {
  /** The byte offset `text` starts at; above 0 on a first read, the log's beginning was left out. */
  from: number;
  /** Where the next read starts. */
  next: number;
  /** The log's size in bytes when read. */
  size: number;
  text: string;
}

/** How much of a log one read returns at most (the end of it, on a first read). */
export const LOG_CHUNK_BYTES = 256 * 1024;

/** Reads from `from`, or with `from` undefined the last LOG_CHUNK_BYTES. */
export function readLogChunk(path: string, from: number | undefined): LogChunk {
  if (!existsSync(path)) return { from: from ?? 0, next: from ?? 0, size: 0, text: "" };
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    let start = from ?? Math.max(0, size - LOG_CHUNK_BYTES);
    if (start > size) start = size;
    const bytes = Buffer.alloc(Math.min(size - start, LOG_CHUNK_BYTES));
    const read = readSync(fd, bytes, 0, bytes.length, start);
    let chunk = bytes.subarray(0, read);
    if (from === undefined && start > 0) {
      const lineStart = chunk.indexOf(0x0a) + 1;
      chunk = chunk.subarray(lineStart);
      start += lineStart;
    }
    chunk = chunk.subarray(0, wholeCharacters(chunk));
    return { from: start, next: start + chunk.length, size, text: chunk.toString("utf8") };
  } finally {
    closeSync(fd);
  }
}

/** The length of `bytes` without a UTF-8 sequence cut at its end. */
function wholeCharacters(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}
