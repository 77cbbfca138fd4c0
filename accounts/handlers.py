"""JSON answers for the errors Django handles outside any view: install them in your URLconf.

```python
handler400 = "accounts.handlers.bad_request"
handler404 = "accounts.handlers.not_found"
handler500 = "accounts.handlers.server_error"
```

Django logs what led to them (`django.request`, `django.security`) with its traceback;
route those loggers to a handler to see them with debug off.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from accounts import codes

#: The database could not be reached or gave up: a moment later it may answer.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5


def bad_request(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    """A JSON 400 for requests Django refuses before any view (a `Host` not allowed)."""
    return JsonResponse({"detail": "Bad request.", "code": codes.BAD_REQUEST}, status=400)


@csrf_exempt  # It changes nothing; a POST to an unknown URL is a 404, not a CSRF page.
def not_found(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    """A JSON 404 for unknown URLs (install as `handler404`, or route a catch-all to it)."""
    return JsonResponse({"detail": "Not found.", "code": codes.NOT_FOUND}, status=404)


def server_error(request: HttpRequest) -> JsonResponse:
    """A JSON 503 with `Retry-After` when the database is unreachable, else a JSON 500."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        response = JsonResponse(
            {"detail": "The service is unavailable; try again.", "code": codes.SERVICE_UNAVAILABLE},
            status=503,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse({"detail": "Server error.", "code": codes.SERVER_ERROR}, status=500)
