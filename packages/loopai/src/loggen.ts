// A generator of realistic, varied log lines with their true fields, for the structured
// extraction task: five formats (key=value, bracketed application logs, syslog, JSON lines,
// access logs), optional fields present or not, values drawn from realistic pools; optionally a
// sixth format that appears part-way through the stream (drift).

import { seededRandom } from "./sampling.js";

export interface LogFields {
  level: string;
  service: string;
  status?: number;
  latency_ms?: number;
  user?: string;
  ip?: string;
  method?: string;
  path?: string;
}

export const LOG_SCHEMA = {
  type: "object",
  required: ["level", "service"],
  additionalProperties: false,
  properties: {
    level: { type: "string" },
    service: { type: "string" },
    status: { type: "integer" },
    latency_ms: { type: "number" },
    user: { type: "string" },
    ip: { type: "string" },
    method: { type: "string" },
    path: { type: "string" },
  },
};

const LEVELS = ["DEBUG", "INFO", "INFO", "INFO", "WARN", "ERROR"];
const SERVICES = [
  "checkout",
  "payments",
  "search",
  "auth",
  "inventory",
  "edge",
  "billing",
  "notifications",
  "catalog",
  "gateway",
];
const USERS = [
  "alice",
  "bob",
  "carol",
  "dmitri",
  "eve",
  "farah",
  "gus",
  "hiro",
  "ines",
  "jamal",
  "kofi",
  "lena",
  "u_1842",
  "svc-batch",
  "o.brien",
];
const METHODS = ["GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH"];
const PATHS = [
  "/api/orders",
  "/api/orders/{id}",
  "/v1/charge",
  "/search",
  "/login",
  "/api/items/{id}/stock",
  "/healthz",
  "/v2/users/{id}",
  "/cart",
  "/static/app.js",
];
const MESSAGES = [
  "order placed",
  "cache miss",
  "retrying upstream",
  "connection reset by peer",
  "slow query",
  "token refreshed",
  "rate limit applied",
  "payload validated",
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export interface LogDrift {
  /** From this line on, a sixth format (pipe-separated columns, as after a logging library upgrade) appears... */
  shiftAt: number;
  /** ...in this share of the lines (default 0.5). */
  share?: number;
}

export function* generateLogs(
  count: number,
  seed = 7,
  drift?: LogDrift,
): Generator<{ line: string; fields: LogFields }> {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  for (let i = 0; i < count; i++) {
    const level = pick(LEVELS);
    const service = pick(SERVICES);
    const mo = int(1, 12);
    const d = int(1, 28);
    const time = `${pad(int(0, 23))}:${pad(int(0, 59))}:${pad(int(0, 59))}`;
    const iso = `2024-${pad(mo)}-${pad(d)}T${time}.${pad(int(0, 999), 3)}Z`;
    const ip = `${pick([10, 172, 192, 203])}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`;
    const user = pick(USERS);
    const method = pick(METHODS);
    const path = pick(PATHS).replace("{id}", String(int(1, 99999)));
    const status =
      level === "ERROR"
        ? pick([500, 502, 503, 504])
        : level === "WARN"
          ? pick([400, 401, 404, 429])
          : pick([200, 200, 201, 204, 304]);
    const latency = r() < 0.5 ? int(1, 4000) : Math.round(r() * 400000) / 100;
    const format = int(0, 4);
    const f: LogFields = { level, service };
    let line: string;
    if (drift && i >= drift.shiftAt && r() < (drift.share ?? 0.5)) {
      line = `${iso} | ${level.padEnd(5)} | ${service} | ${ip} | ${method} ${path} | ${status} | ${latency}ms`;
      Object.assign(f, { ip, method, path, status, latency_ms: latency });
      if (r() < 0.5) {
        line += ` | user:${user}`;
        f.user = user;
      }
    } else if (format === 0) {
      const parts = [`${iso}`, `level=${level}`, `service=${service}`, `msg="${pick(MESSAGES)}"`];
      if (r() < 0.7) {
        parts.push(`user=${user}`);
        f.user = user;
      }
      if (r() < 0.7) {
        parts.push(`ip=${ip}`);
        f.ip = ip;
      }
      if (r() < 0.6) {
        parts.push(`latency_ms=${latency}`);
        f.latency_ms = latency;
      }
      if (r() < 0.6) {
        parts.push(`status=${status}`);
        f.status = status;
      }
      line = parts.join(" ");
    } else if (format === 1) {
      line = `[2024-${pad(mo)}-${pad(d)} ${time},${pad(int(0, 999), 3)}] ${level} [${service}] Request ${method} ${path} `;
      Object.assign(f, { method, path, status, latency_ms: latency });
      line +=
        level === "ERROR"
          ? `failed with status ${status} after ${latency} ms`
          : `completed with status ${status} in ${latency} ms`;
      if (r() < 0.5) {
        line += ` (user=${user}, ip=${ip})`;
        Object.assign(f, { user, ip });
      }
    } else if (format === 2) {
      const host = `${pick(["web", "api", "db", "worker"])}-${pad(int(1, 12))}`;
      line = `${pick(MONTHS)} ${String(d).padStart(2, " ")} ${time} ${host} ${service}[${int(100, 65000)}]: ${level} `;
      if (r() < 0.5) {
        line += `Failed password for ${user} from ${ip} port ${int(1024, 65535)} ssh2`;
        Object.assign(f, { user, ip });
      } else {
        line += `session opened for user ${user}`;
        f.user = user;
      }
    } else if (format === 3) {
      const o: Record<string, unknown> = { ts: iso, level, service, method, path, status };
      Object.assign(f, { method, path, status });
      if (r() < 0.6) {
        o.duration_ms = latency;
        f.latency_ms = latency;
      }
      if (r() < 0.5) {
        o.client_ip = ip;
        f.ip = ip;
      }
      line = JSON.stringify(o);
    } else {
      line = `${level} ${service} ${ip} "${method} ${path} HTTP/1.1" ${status} ${int(0, 90000)} ${latency}ms`;
      Object.assign(f, { ip, method, path, status, latency_ms: latency });
    }
    yield { line, fields: f };
  }
}
