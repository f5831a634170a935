#!/usr/bin/env bash
# Everything the product, its editor and its tests need on a fresh Debian machine with
# Node 20 (run as root, or with sudo): Debian packages, the npm dependencies and code-server.
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Debian packages beyond code-server's own (listed in setup-code-server.sh), in one apt run:
#   neovim   — the second real LSP client the tests drive;
#   graphviz — `dot`, which the tests use to prove `territory export --format dot` readable.
EXTRA_APT_PACKAGES="neovim graphviz" bash scripts/setup-code-server.sh

# npm dependencies, exactly as locked; skipped when node_modules already matches the lock.
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "[setup] npm dependencies already installed"
else
  echo "[setup] npm ci"
  npm ci --no-audit --no-fund
fi
