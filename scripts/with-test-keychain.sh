#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a throwaway, unlocked gnome-keyring, so the
# OS-keychain tests always have a Secret Service and never touch the user's own keychain.
# `npm run test:unit` and `npm run test:e2e` go through it. Inside one session a nested call just runs
# the command.
set -euo pipefail

if [ -n "${ZAMOK_TEST_KEYCHAIN:-}" ]; then
  exec "$@"
fi
export ZAMOK_TEST_KEYCHAIN=1
XDG_DATA_HOME="$(mktemp -d)"
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
# dbus-run-session may print "Failed to set fd limit": harmless.
dbus-run-session -- bash -c \
  'echo -n zamok-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' \
  with-test-keychain "$@"
