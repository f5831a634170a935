#!/usr/bin/env bash
# Installs everything the "real editor" needs, offline-friendly and idempotent:
#   1. Debian packages (compilers and headers for code-server's native modules,
#      ripgrep, chromium);
#   2. a seeded @vscode/ripgrep download cache (its postinstall would fetch rg from
#      GitHub; we hand it Debian's /usr/bin/rg instead);
#   3. code-server@4.100.3 into .tools/code-server (never into the product's deps).
# A second run only checks and exits in about a second.
#
# Usage: scripts/setup-code-server.sh        (run as root, or with sudo available)
# Env:   CODE_SERVER_VERSION (default 4.100.3), SKIP_APT=1 to skip the apt step,
#        EXTRA_APT_PACKAGES="a b" for more Debian packages in the same apt run (scripts/setup.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="${CODE_SERVER_VERSION:-4.100.3}"
TOOLS="$ROOT/.tools/code-server"
APT_PACKAGES=(build-essential python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev
  libsecret-1-dev ripgrep chromium)
# shellcheck disable=SC2206
APT_PACKAGES+=(${EXTRA_APT_PACKAGES:-})
# @vscode/ripgrep as pinned by code-server 4.100.3 (VS Code 1.100.3).
RG_PKG_VERSION=1.15.11
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

log() { printf '[setup-code-server] %s\n' "$*"; }
start=$(date +%s)

# --- 0. Node --------------------------------------------------------------------------
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 20 ]; then
  log "code-server $VERSION requires Node 20 (found $(node -v)); aborting."
  exit 1
fi

# --- 1. apt packages ------------------------------------------------------------------
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi
if [ "${SKIP_APT:-}" != 1 ]; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Another apt/dpkg may hold the lock (unattended upgrades, a parallel setup): wait.
    apt_opts=(-o DPkg::Lock::Timeout=600)
    $SUDO apt-get "${apt_opts[@]}" update -qq
    $SUDO apt-get "${apt_opts[@]}" install -y -qq "${missing[@]}" >/dev/null
  else
    log "apt packages already installed"
  fi
fi
command -v rg >/dev/null || { log "ripgrep (rg) not found"; exit 1; }

# --- 2. code-server -------------------------------------------------------------------
installed_version() {
  node -p "require('$TOOLS/node_modules/code-server/package.json').version" 2>/dev/null || true
}
cs_ok() {
  [ "$(installed_version)" = "$VERSION" ] &&
    [ -x "$TOOLS/node_modules/.bin/code-server" ] &&
    [ -e "$TOOLS/node_modules/code-server/lib/vscode/out/server-main.js" ] &&
    [ -n "$(find "$TOOLS/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin" -maxdepth 1 -name rg 2>/dev/null)" ] &&
    [ -e "$TOOLS/.installed-$VERSION" ]
}

if cs_ok; then
  log "code-server $VERSION already installed in .tools/code-server"
else
  # Seed @vscode/ripgrep's download cache with Debian's rg (an archive holding `rg` only).
  tmpdir="$(node -p 'require("os").tmpdir()')"
  cache="$tmpdir/vscode-ripgrep-cache-$RG_PKG_VERSION"
  if [ ! -s "$cache/$RG_ASSET" ]; then
    log "seeding ripgrep cache $cache/$RG_ASSET from $(command -v rg)"
    mkdir -p "$cache"
    staging="$(mktemp -d)"
    cp "$(command -v rg)" "$staging/rg"
    chmod 755 "$staging/rg"
    tar -czf "$cache/$RG_ASSET" -C "$staging" rg
    rm -rf "$staging"
  fi

  log "installing code-server@$VERSION into .tools/code-server (takes ~1-2 min)"
  mkdir -p "$TOOLS"
  rm -f "$TOOLS"/.installed-*
  if [ ! -f "$TOOLS/package.json" ]; then
    printf '{\n  "name": "territory-tools-code-server",\n  "private": true,\n  "description": "code-server for the real-editor tests; installed by scripts/setup-code-server.sh"\n}\n' >"$TOOLS/package.json"
  fi
  (
    cd "$TOOLS"
    # unsafe_perm: code-server's postinstall refuses root otherwise;
    # yes: node-pty's build runs `npx node-gyp` which would prompt.
    npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false \
      npm_config_audit=false npm_config_update_notifier=false \
      npm install --no-package-lock "code-server@$VERSION" --foreground-scripts \
      >"$TOOLS/install.log" 2>&1
  ) || { log "npm install failed; see .tools/code-server/install.log"; tail -n 40 "$TOOLS/install.log"; exit 1; }
  touch "$TOOLS/.installed-$VERSION"
  if ! cs_ok; then
    log "code-server install looks incomplete; see .tools/code-server/install.log"
    exit 1
  fi
  log "code-server $(installed_version) installed in .tools/code-server"
fi

command -v chromium >/dev/null && log "$(chromium --version 2>/dev/null | head -n 1)"
log "done in $(( $(date +%s) - start )) s"
