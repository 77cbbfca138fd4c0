#!/bin/sh
# `make run`, in two steps: scripts/run.sh check|serve API_PORT CLIENT_PORT
#
#   check  stops with one line when a port is taken (before anything starts or scrolls by);
#   serve  writes the client's runtime config.json (client/.run/, git-ignored) naming the API,
#          starts the API (runserver) and, when npm is installed, the client (ng serve), and
#          waits. Ctrl-C (or SIGTERM) stops both and exits 0.
#
# The API learns the client's origin from CLIENT_URL (CORS, the links at /). The stop handler
# signals the servers' own process groups and clears itself first: a handler that signals its
# own group (`kill 0`) runs again on its own signal, until the shell crashes.
set -eu
cd "$(dirname "$0")/.."
STEP="$1"
API_PORT="$2"
CLIENT_PORT="$3"
HOST=127.0.0.1
PY="${PY:-.venv/bin/python}"

port_is_free() {
    "$PY" -c 'import socket, sys
probe = socket.socket()
probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
probe.bind((sys.argv[1], int(sys.argv[2])))' "$HOST" "$1" 2>/dev/null
}

check_port() {  # PORT VARIABLE WHAT
    if ! port_is_free "$1"; then
        echo "!! Port $1 ($3) is in use: stop what runs there, or pick another: make run $2=<port>" >&2
        exit 1
    fi
}

if [ "$STEP" = check ]; then
    check_port "$API_PORT" API_PORT "the API"
    if command -v npm >/dev/null; then check_port "$CLIENT_PORT" CLIENT_PORT "the client"; fi
    exit 0
fi

CLIENT_URL="http://$HOST:$CLIENT_PORT"
export CLIENT_URL
pids=""

start() {  # COMMAND...: in the background, in a process group of its own, Ctrl-C restored
    # (a script's background jobs ignore SIGINT), so `stop` reaches all its processes, such
    # as runserver's autoreloader child.
    "$PY" -c 'import os, signal, sys
os.setpgrp()
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' "$@" &
    pids="$pids $!"
}

stop() {
    trap - INT TERM
    for pid in $pids; do kill -INT "-$pid" 2>/dev/null || true; done
    wait
    echo "Stopped the API and the client."
    exit 0
}
trap stop INT TERM

echo "API:    http://$HOST:$API_PORT/  (Swagger UI: http://$HOST:$API_PORT/api/docs/)"
if command -v npm >/dev/null; then
    mkdir -p client/.run
    printf '{ "apiUrl": "http://%s:%s" }\n' "$HOST" "$API_PORT" > client/.run/config.json
    echo "Client: $CLIENT_URL/"
    start sh -c 'cd client && exec node_modules/.bin/ng serve -c run --host "$0" --port "$1" --no-open' \
        "$HOST" "$CLIENT_PORT"
fi
start "$PY" manage.py runserver "$HOST:$API_PORT"
# `wait` returns when a signal arrives (then `stop` runs) or when both servers have ended.
wait
