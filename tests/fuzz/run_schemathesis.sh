#!/usr/bin/env bash
# Fuzz the live API from its OpenAPI schema, without and with a valid token.
# Fails (non-zero exit) on any 500, or any response whose status, media type or body the
# schema does not declare.
# Usage: tests/fuzz/run_schemathesis.sh [max-examples-per-operation] [max-seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/../.."

MAX_EXAMPLES="${1:-50}"
MAX_TIME="${2:-90}"
PORT="${FUZZ_PORT:-8765}"
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

secret() { .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))'; }
export DJANGO_SETTINGS_MODULE=jwtsite.settings
export DJANGO_DEBUG=false
export DJANGO_SECRET_KEY="$(secret)" JWT_SIGNING_KEY="$(secret)"
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export DJANGO_SECURE_SSL_REDIRECT=false
export DATABASE_URL="sqlite:///$WORK/fuzz.sqlite3"
# Throttling must not dominate the run; the lockout is kept on.
export AUTH_LOGIN_RATE_PER_IP=100000/min AUTH_LOGIN_RATE_PER_ACCOUNT=100000/min
export AUTH_REFRESH_RATE_PER_IP=100000/min
export AUTH_MAIL_RATE_PER_IP=100000/min AUTH_MAIL_RATE_PER_ADDRESS=100000/min
export EMAIL_URL=dummymail://
export RANDOMUSER_USERS_PER_5_MINUTES=1000000
export JWT_ACCESS_TOKEN_LIFETIME=3600

.venv/bin/python manage.py migrate --no-input -v 0
FUZZ_PASSWORD="$(secret)"
.venv/bin/python manage.py shell -c "
from django.contrib.auth import get_user_model
get_user_model().objects.create_user('fuzzer', password='$FUZZ_PASSWORD')"

.venv/bin/python manage.py runserver "127.0.0.1:$PORT" --noreload >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 50); do
  curl -fsS -o /dev/null "$BASE/api/schema/" 2>/dev/null && break
  sleep 0.2
done

fuzz() {
  .venv/bin/schemathesis run "$BASE/api/schema/" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples "$MAX_EXAMPLES" --max-time "$MAX_TIME" --workers 1 \
    --exclude-path-regex '^/api/auth/(logout-all|password/change)/$' \
    --suppress-health-check all "$@"
}
status=0
echo "== schemathesis without a token"
fuzz || status=1
echo "== schemathesis with a valid token"
TOKEN="$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"username\": \"fuzzer\", \"password\": \"$FUZZ_PASSWORD\"}" "$BASE/api/auth/login/" \
  | .venv/bin/python -c 'import json, sys; print(json.load(sys.stdin)["access"])')"
fuzz -H "Authorization: Bearer $TOKEN" || status=1
if grep -q "Internal Server Error" "$WORK/server.log"; then
  echo "== the server logged errors:"; grep -A30 "Internal Server Error" "$WORK/server.log" | head -120
  status=1
fi
exit $status
