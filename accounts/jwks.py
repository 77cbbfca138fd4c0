"""`GET /.well-known/jwks.json`: the public keys other services verify our tokens with.

Only asymmetric keys are published, never a private or an HMAC key. Without any, the
route answers 404: HMAC-signed tokens can only be verified by holders of the secret.
"""

from django.http import HttpRequest, JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from accounts.conf import accounts_settings
from accounts.token_backend import key_set


@require_safe  # GET and HEAD
def jwks(request: HttpRequest) -> JsonResponse:
    """Return the JWK Set (RFC 7517 §5) of the published keys."""
    key_document = key_set().public_jwks()
    if not key_document["keys"]:
        return JsonResponse({"detail": "No public keys.", "code": "not_found"}, status=404)
    response = JsonResponse(key_document)
    patch_cache_control(response, public=True, max_age=accounts_settings.JWKS_MAX_AGE)
    return response
