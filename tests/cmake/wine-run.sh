#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs a Windows program headless under Debian's wine64: wine-run.sh [--prefix DIR] prog.exe [args]
# Used as CMAKE_CROSSCOMPILING_EMULATOR. Exit status, stdout and stderr are the program's own.
#
# - The prefix (--prefix DIR, else $WINEPREFIX, else ./wineprefix; made absolute) is created on
#   first use, under a lock, so ctest -j is safe.
# - A wineserver stays up for IPSECERR_WINE_PERSIST seconds (default 60) after the last program,
#   so later runs take about 0.1 s. It and Wine's system processes are started here with stdio on
#   /dev/null: started by the program instead, they would inherit ctest's output pipe and keep it
#   open for the whole persistence time. They must not inherit the lock's descriptor either.
#   Stop it with: WINEPREFIX=DIR /usr/lib/wine/wineserver -k
# - No display, no Mono/Gecko installers, no winedbg: a crash exits at once (status 5) instead of
#   printing a backtrace on the program's stdout. 53 means the loader failed (exe or DLL missing);
#   IPSECERR_WINE_DEBUG=err+module shows which.
set -eu

prefix=${WINEPREFIX:-$PWD/wineprefix}
case "${1:-}" in
  --prefix) prefix=$2; shift 2 ;;
  --prefix=*) prefix=${1#--prefix=}; shift ;;
esac
case "$prefix" in /*) ;; *) prefix=$PWD/$prefix ;; esac
if [ $# -lt 1 ]; then
  echo "usage: $0 [--prefix DIR] program.exe [args...]" >&2
  exit 125
fi

# Debian 12 has no wine64 on PATH; /usr/bin/wine is a shell script that picks a loader.
wine=/usr/lib/wine/wine64
server=/usr/lib/wine/wineserver64

unset DISPLAY WAYLAND_DISPLAY
export WINEPREFIX="$prefix" WINEARCH=win64
export WINEDEBUG="-all${IPSECERR_WINE_DEBUG:+,$IPSECERR_WINE_DEBUG}"
export WINEDLLOVERRIDES="mscoree,mshtml=;winedbg.exe=d"

persist=${IPSECERR_WINE_PERSIST:-60}
mkdir -p "$prefix"
(
  flock 9
  fresh_server=0
  # Status 0: a new server started; non-zero: one already runs for this prefix.
  if [ "$persist" != 0 ] && "$server" -p"$persist" </dev/null >/dev/null 2>&1 9>&-; then
    fresh_server=1
  fi
  if [ ! -e "$prefix/.ipsecerr-ready" ]; then
    "$wine" wineboot -i </dev/null >/dev/null 2>&1 9>&-
    [ "$fresh_server" = 1 ] || "$server" -w 9>&-
    touch "$prefix/.ipsecerr-ready"
  elif [ "$fresh_server" = 1 ]; then
    "$wine" wineboot </dev/null >/dev/null 2>&1 9>&- || true
  fi
) 9>"$prefix.lock"

exec "$wine" "$@"
