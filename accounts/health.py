"""Health endpoints for load balancers and orchestrators: no token, no rate limit.

`GET /healthz` answers 200 while the process serves requests and touches nothing else.
`GET /readyz` answers 200 when the database and the cache both answer, else 503 JSON
`{"detail", "code": "service_unavailable", "checks"}` naming the one that failed. The cache
counts as failed while this process's breaker is open (`accounts.degraded`): until then the
process still runs on its fallbacks (limits fail open), whatever the cache answers.
"""

import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from accounts import codes
from accounts.conf import accounts_settings
from accounts.degraded import CACHE_ERRORS, cache_is_down


@never_cache
def alive(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@never_cache
def ready(request: HttpRequest) -> JsonResponse:
    checks = {"database": database_answers(), "cache": cache_answers()}
    if all(checks.values()):
        return JsonResponse({"status": "ok", "checks": checks})
    body = {"detail": "Not ready.", "code": codes.SERVICE_UNAVAILABLE, "checks": checks}
    return JsonResponse(body, status=503, headers={"Retry-After": "5"})


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


def cache_answers() -> bool:
    """Write and read back a short-lived key: a cache that only pretends to work fails."""
    if cache_is_down():
        return False
    key = f"{accounts_settings.CACHE_KEY_PREFIX}:readyz:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    try:
        cache.set(key, value, 5)
        answered: bool = cache.get(key) == value
        cache.delete(key)
    except CACHE_ERRORS:
        return False
    return answered


urlpatterns = [path("healthz", alive, name="healthz"), path("readyz", ready, name="readyz")]
