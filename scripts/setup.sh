#!/usr/bin/env bash
# Makes this checkout ready to build, test and demo: system packages, npm packages, a TypeScript
# build. Idempotent, and fast when nothing is missing (it runs at the start of `npm test`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

done_steps=()
log="$(mktemp)"
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
# valgrind's memcheck is the referee of the compiled programs' memory safety in the tests.
have valgrind || missing+=(valgrind)
# kogine's BullMQ launcher tests start a real Redis on a loopback port.
have redis-server || missing+=(redis-server)

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
# `npm ci` refuses a lockfile that lacks optional packages (such as Biome's binaries for other
# platforms) which the registry this lockfile was made against does not serve; `npm install` then
# installs the same locked versions.
if [[ -f package-lock.json ]]; then
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    if npm ci --no-audit --no-fund >"$log" 2>&1; then
      done_steps+=("npm ci")
    else
      quietly npm install --no-audit --no-fund
      done_steps+=("npm install")
    fi
    touch node_modules/.package-lock.json
  fi
elif [[ ! -d node_modules ]]; then
  quietly npm install --no-audit --no-fund
  done_steps+=("npm install")
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

summary=""
for step in "${done_steps[@]}"; do summary+="${summary:+, }$step"; done
echo "setup: ready${summary:+ ($summary)}"
