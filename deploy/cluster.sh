#!/bin/sh
# `make cluster`: nginx (deploy/nginx.conf) in front of three production app servers
# (deploy/serve.sh, one worker each) on this machine, sharing DATABASE_URL and REDIS_URL.
# Ports: CLUSTER_PORT (nginx, default 8080) and the three after CLUSTER_APP_PORT (8001).
# The app trusts nginx as its one proxy; CLUSTER_TRUSTED_PROXIES=2 when something in front
# of nginx appends to X-Forwarded-For too (`make loadtest` plays such a load balancer).
# Ctrl-C stops it all.
set -eu
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/jwtsite}"
: "${REDIS_URL:?set REDIS_URL, e.g. redis://127.0.0.1:6379/0}"
PORT="${CLUSTER_PORT:-8080}"
APP="${CLUSTER_APP_PORT:-8001}"
NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
export DJANGO_DEBUG=false DJANGO_SECURE_SSL_REDIRECT=false
export AUTH_TRUSTED_PROXIES="${CLUSTER_TRUSTED_PROXIES:-1}"
RUN="$(mktemp -d)"
chmod 755 "$RUN"
GROUPS_STARTED=""
stop() {
  trap - EXIT INT TERM
  for group in $GROUPS_STARTED; do kill -TERM "-$group" 2>/dev/null || true; done
  sleep 2  # a grace period, then whatever still runs is killed
  for group in $GROUPS_STARTED; do kill -KILL "-$group" 2>/dev/null || true; done
  rm -rf "$RUN"
}
trap stop EXIT INT TERM

.venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py collectstatic --no-input --verbosity 0
for n in 0 1 2; do
  setsid deploy/serve.sh $((APP + n)) 1 &
  GROUPS_STARTED="$GROUPS_STARTED $!"
done
sed -e "s/127.0.0.1:8080/127.0.0.1:$PORT/" -e "s/127.0.0.1:8001/127.0.0.1:$APP/" \
  -e "s/127.0.0.1:8002/127.0.0.1:$((APP + 1))/" -e "s/127.0.0.1:8003/127.0.0.1:$((APP + 2))/" \
  deploy/nginx.conf > "$RUN/nginx.conf"
setsid "$NGINX" -p "$RUN" -c "$RUN/nginx.conf" -g "daemon off; pid $RUN/nginx.pid;" &
GROUPS_STARTED="$GROUPS_STARTED $!"
for n in 0 1 2; do  # the servers load the app first: wait up to 2 minutes for each
  for attempt in $(seq 1 240); do
    .venv/bin/python -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' \
      "http://127.0.0.1:$((APP + n))/healthz" 2>/dev/null && break
    sleep 0.5
  done
done
echo "Cluster: http://127.0.0.1:$PORT  (nginx; app servers on :$APP-:$((APP + 2)); Ctrl-C stops all)"
wait
