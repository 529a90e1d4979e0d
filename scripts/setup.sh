#!/usr/bin/env bash
# Makes this checkout ready to build, test and demo: system packages, npm packages, a TypeScript
# build. Idempotent, and fast when nothing is missing (it runs at the start of `npm test`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

done_steps=()
log="$(mktemp)"
# What git sees changed in tracked files before set-up, to prove at the end that set-up changed none.
tracked_state() { git status --porcelain --untracked-files=no 2>/dev/null || true; }
tracked_before="$(tracked_state)"
trap 'rm -f "$log"' EXIT

# Runs a command with its output kept aside, shown only if it fails.
quietly() {
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    echo "setup: failed: $*" >&2
    exit 1
  fi
}

have() { command -v "$1" >/dev/null 2>&1; }

# --- System packages ---------------------------------------------------------------------------
# LLVM 14 (opt, llc) for the back end; python3 (CPython 3.11) is the referee for every Python test;
# a C compiler links the runtime. Debian's llvm-14 installs opt-14/llc-14, `llvm` the plain names.
missing=()
if ! { have opt || have opt-14; } || ! { have llc || have llc-14; }; then missing+=(llvm-14); fi
have python3 || missing+=(python3)
have cc || missing+=(gcc)
# GMP is Python's big-int arithmetic; executables link its static archive.
[[ -f /usr/include/gmp.h || -f /usr/include/x86_64-linux-gnu/gmp.h ]] || missing+=(libgmp-dev)
# valgrind's memcheck is the referee of the compiled programs' memory safety in the tests.
have valgrind || missing+=(valgrind)
# GNU time (not bash's keyword) reports the benchmarks' peak memory: `npm run bench`'s max RSS column.
[[ -x /usr/bin/time ]] || missing+=(time)
# kogine's BullMQ launcher tests start a real Redis on a loopback port.
have redis-server || missing+=(redis-server)
# The loopai dashboard's tests drive a real headless Chromium (puppeteer-core, which downloads no browser).
have chromium || missing+=(chromium)
# loopai's shared store is PostgreSQL; its tests start a real server (initdb, postgres) on loopback.
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
# NumPy, SciPy and mpmath are the referees of kogine's search numerics (TPE's weights, the truncated
# normal); packages/kogine/test/helpers.ts uses python3 when it has them, else Debian's python3.
if ! python3 -c "import numpy, scipy, mpmath" 2>/dev/null && ! /usr/bin/python3 -c "import numpy, scipy, mpmath" 2>/dev/null; then
  missing+=(python3-numpy python3-scipy python3-mpmath)
fi

if ((${#missing[@]} > 0)); then
  if ! have apt-get; then
    echo "setup: missing ${missing[*]}; install them with your system's package manager" >&2
    exit 1
  fi
  sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then sudo=(sudo); fi
  quietly "${sudo[@]}" apt-get update -q
  quietly "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  done_steps+=("installed ${missing[*]}")
fi

# --- npm packages ------------------------------------------------------------------------------
# npm records what it installed in node_modules/.package-lock.json; reinstall when the lockfile is newer.
# Only `npm ci`: it installs exactly the committed lockfile and never rewrites it, so set-up leaves a
# fresh clone's tracked files as they are. A lockfile it refuses is a bug to fix in the repository
# (`npm install --package-lock-only`, then commit), not something to paper over here.
if [[ ! -f package-lock.json ]]; then
  echo "setup: package-lock.json is missing; restore it from git" >&2
  exit 1
fi
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  quietly npm ci --no-audit --no-fund
  touch node_modules/.package-lock.json
  done_steps+=("npm ci")
fi

# --- Build -------------------------------------------------------------------------------------
# The local tsc, as `npx tsc -b` would run it, without npx's start-up cost.
quietly node_modules/.bin/tsc -b
# pycompile's CLI as one module: it starts some 50 ms faster (packages/python/scripts/bundle-cli.ts).
quietly node packages/python/dist/scripts/bundle-cli.js
# kogine's CLI and JS task runner as one module each: they start faster (packages/kogine/scripts/bundle.ts).
quietly node packages/kogine/dist/scripts/bundle.js
# kogine's Python runner compiled ahead: where PYTHONDONTWRITEBYTECODE is set (as on these machines) Python
# would otherwise compile it at every zygote's start. A stale file is ignored: Python checks the source's date.
quietly python3 -m compileall -q packages/kogine/shim/python

if [[ "$(tracked_state)" != "$tracked_before" ]]; then
  echo "setup: set-up changed tracked files, which it must never do:" >&2
  git status --short --untracked-files=no >&2
  exit 1
fi

summary=""
for step in "${done_steps[@]}"; do summary+="${summary:+, }$step"; done
echo "setup: ready${summary:+ ($summary)}"
