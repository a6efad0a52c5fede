#!/usr/bin/env bash
# Installs the system packages the tests need (Debian/Ubuntu, as root): `sudo npm run setup:system`.
# `.ci/run` calls it too, so CI and a newcomer's machine get the same packages. Installs only what is
# missing; with everything present it changes nothing and runs no apt command.
#   chromium              Playwright's browser (never downloaded: /usr/bin/chromium)
#   sqlcipher 4           the CLI that reads SQLCipher 4 files (Debian bookworm: from backports)
#   age                   backup interop
#   gnome-keyring, dbus   a throwaway Secret Service for the OS-keychain tests
#   bsdutils (script)     gives `age -p` the terminal it wants
#   fonts-noto-core       the fonts the e2e screenshots are made with
#   postgresql-15         the office server's tests run against a private PostgreSQL 15 cluster
#                         started by the tests (the package's own `main` cluster stays down)
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "setup-system: run as root: sudo npm run setup:system" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "setup-system: needs apt-get (Debian or Ubuntu); install the packages listed in $0 by hand" >&2
  exit 1
fi

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v age >/dev/null || need+=(age)
command -v gnome-keyring-daemon >/dev/null || need+=(gnome-keyring)
command -v dbus-run-session >/dev/null || need+=(dbus dbus-x11)
command -v script >/dev/null || need+=(bsdutils)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
# grep reads all of fc-list (no -q): an early exit would SIGPIPE fc-list and fail the pipeline.
fc-list 2>/dev/null | grep -i noto >/dev/null || need+=(fonts-noto-core fontconfig)
sqlcipher_ok() { command -v sqlcipher >/dev/null && sqlcipher -version 2>/dev/null | grep -q 'SQLCipher 4'; }

if [ ${#need[@]} -eq 0 ] && sqlcipher_ok; then
  echo "setup-system: every package the tests need is installed"
  exit 0
fi

. /etc/os-release
backports=""
if [ "${ID:-}" = debian ] && [ -n "${VERSION_CODENAME:-}" ]; then
  # Debian's own sqlcipher is 3.4 up to bookworm, which cannot read SQLCipher 4 files; its
  # backports suite has 4.x. Enable that suite on the mirror the machine already uses.
  backports="${VERSION_CODENAME}-backports"
  src=/etc/apt/sources.list.d/debian.sources
  if [ -f "$src" ] && ! grep -q "$backports" "$src"; then
    sed -i "0,/^Suites:/{s/^Suites: \(.*\)$/Suites: \1 ${backports}/}" "$src"
  elif [ ! -f "$src" ] && ! grep -rqs "$backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    mirror=$(grep -rhoE "^deb (https?://[^ ]+) ${VERSION_CODENAME} " /etc/apt/sources.list 2>/dev/null \
      | head -1 | awk '{print $2}')
    echo "deb ${mirror} ${backports} main" > "/etc/apt/sources.list.d/${backports}.list"
  fi
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
if [ ${#need[@]} -gt 0 ]; then
  apt-get install -y -q --no-install-recommends "${need[@]}"
fi
if ! sqlcipher_ok; then
  if [ -n "$backports" ]; then
    apt-get install -y -q -t "$backports" sqlcipher
  else
    apt-get install -y -q sqlcipher
  fi
fi
if ! sqlcipher_ok; then
  echo "setup-system: the sqlcipher installed is not 4.x ($(sqlcipher -version 2>&1 | head -1))" >&2
  exit 1
fi
echo "setup-system: done"
