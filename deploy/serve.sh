#!/bin/sh
# The production server command, in one place: deploy/serve.sh [PORT] [WORKERS]
#
# Granian (a Rust HTTP server, keep-alive, one Python thread per worker) serving the WSGI
# app; chosen over gunicorn by measurement (`make bench`, README "Speed"). WORKERS defaults
# to the CPU count: the Python work is CPU-bound, so more processes than cores only queue.
# The environment configures the app (README "Configuration"); run `manage.py migrate` and
# `manage.py collectstatic` first. SERVE_HOST (default 127.0.0.1) is the address to bind;
# APP_SERVER=gunicorn runs the runner-up with the same port and workers, for comparison.
set -eu
cd "$(dirname "$0")/.."
PORT="${1:-8000}"
# Workers share revocation state and limits only through a shared cache: without REDIS_URL
# (in the environment or .env) the app refuses a second worker, so one worker serves.
if [ -n "${REDIS_URL:-}" ] || grep -qs '^REDIS_URL=.' .env; then WORKERS="$(nproc)"; else WORKERS=1; fi
WORKERS="${2:-$WORKERS}"
HOST="${SERVE_HOST:-127.0.0.1}"
BIN="${VENV_BIN:-.venv/bin}"
case "${APP_SERVER:-granian}" in
  granian)
    exec "$BIN/granian" --interface wsgi --host "$HOST" --port "$PORT" \
      --workers "$WORKERS" --blocking-threads 1 --no-ws --log-level warning \
      jwtsite.wsgi:application ;;
  gunicorn)
    exec "$BIN/gunicorn" jwtsite.wsgi --bind "$HOST:$PORT" --workers "$WORKERS" \
      --log-level warning ;;
  *)
    echo "APP_SERVER must be granian or gunicorn" >&2
    exit 2 ;;
esac
