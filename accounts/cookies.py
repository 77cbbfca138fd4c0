"""Cookie mode: the refresh token travels in an httpOnly cookie instead of the body.

A client selects it per request with the header `X-Token-Transport: cookie`. The
header doubles as the proof against cross-site requests: a page on another site cannot
send a custom header without a CORS preflight, which only the allowed origins pass.
"""

import secrets
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponseBase
from django.http.request import split_domain_port
from django.utils import timezone
from django.utils.cache import patch_cache_control
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions, generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import codes
from accounts.conf import accounts_settings

COOKIE_MODE = "cookie"
DEVICE_COOKIE_NAME = "device"
DEVICE_COOKIE_SALT = "accounts.device"
DEVICE_COOKIE_SECONDS = 30 * 86400
# Set by `issue_device_cookie()` on the request, written to the response by the views.
PENDING_DEVICE_COOKIE = "accounts_device_cookie"
DEVELOPMENT_HOSTS = ("127.0.0.1", "localhost", "[::1]")


def header_meta_key() -> str:
    header = accounts_settings.TOKEN_TRANSPORT_HEADER
    return "HTTP_" + header.upper().replace("-", "_")


def wants_cookie_mode(request: HttpRequest) -> bool:
    value = str(request.META.get(header_meta_key(), ""))
    return value.strip().lower() == COOKIE_MODE


def refresh_cookie(request: HttpRequest) -> str | None:
    return request.COOKIES.get(accounts_settings.REFRESH_COOKIE_NAME) or None


def cookie_is_secure(request: HttpRequest) -> bool:
    """Secure, except plain-http development on a loopback host with DEBUG on."""
    if not accounts_settings.REFRESH_COOKIE_SECURE:
        return False
    host, _ = split_domain_port(request.get_host())
    local_development = settings.DEBUG and not request.is_secure() and host in DEVELOPMENT_HOSTS
    return not local_development


def set_refresh_cookie(
    response: HttpResponseBase, request: HttpRequest, raw_refresh: str, expires_at: datetime
) -> None:
    """Set the refresh cookie to live as long as the token it carries."""
    response.set_cookie(
        accounts_settings.REFRESH_COOKIE_NAME,
        raw_refresh,
        max_age=max(0, int((expires_at - timezone.now()).total_seconds())),
        path=accounts_settings.REFRESH_COOKIE_PATH,
        domain=accounts_settings.REFRESH_COOKIE_DOMAIN,
        secure=cookie_is_secure(request),
        httponly=True,
        samesite="Strict",
    )


def clear_refresh_cookie(response: HttpResponseBase) -> None:
    response.delete_cookie(
        accounts_settings.REFRESH_COOKIE_NAME,
        path=accounts_settings.REFRESH_COOKIE_PATH,
        domain=accounts_settings.REFRESH_COOKIE_DOMAIN,
        samesite="Strict",
    )


def device_of(request: HttpRequest, account: str) -> str | None:
    """Return the device id of the request's device cookie if it is valid for `account`.

    The device cookie (OWASP's "device cookie") is signed with the secret key and names
    one account, so it cannot be forged, nor moved to another account.
    """
    raw = request.COOKIES.get(DEVICE_COOKIE_NAME)
    if not raw:
        return None
    try:
        owner, device = signing.loads(raw, salt=DEVICE_COOKIE_SALT, max_age=DEVICE_COOKIE_SECONDS)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return str(device) if owner == account[:32] else None


def issue_device_cookie(request: HttpRequest, account: str, device: str | None) -> None:
    """Mark this request's response to carry a (renewed) device cookie for `account`."""
    value = signing.dumps([account[:32], device or secrets.token_hex(16)], salt=DEVICE_COOKIE_SALT)
    setattr(request, PENDING_DEVICE_COOKIE, value)


def set_device_cookie(response: HttpResponseBase, request: HttpRequest) -> None:
    """Write the device cookie issued during this request, if any."""
    value = getattr(request, PENDING_DEVICE_COOKIE, None)
    if value:
        response.set_cookie(
            DEVICE_COOKIE_NAME,
            value,
            max_age=DEVICE_COOKIE_SECONDS,
            secure=cookie_is_secure(request),
            httponly=True,
            samesite="Strict",
        )


TRANSPORT_PARAMETER = OpenApiParameter(
    name="X-Token-Transport",
    location=OpenApiParameter.HEADER,
    enum=["cookie"],
    required=False,
    description=(
        "`cookie` selects cookie mode: the refresh token travels only in an httpOnly, "
        "SameSite=Strict cookie and is left out of the JSON body. Without it (header mode) "
        "the refresh token is in the body."
    ),
)


class TokenTransportMixin(generics.GenericAPIView[Any]):
    """Move the refresh token between body and cookie in cookie mode; never cache tokens."""

    reads_refresh_cookie = False

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        # Before the body is parsed: a cross-site form post gets 403, not 415.
        cookie_sent = refresh_cookie(request) is not None
        if self.reads_refresh_cookie and cookie_sent and not wants_cookie_mode(request):
            raise exceptions.PermissionDenied(
                "The refresh cookie needs the X-Token-Transport: cookie header.",
                code=codes.CSRF_FAILED,
            )

    def get_serializer(self, *args: Any, **kwargs: Any) -> Any:
        if self.reads_refresh_cookie and "data" in kwargs:
            kwargs["data"] = self.data_with_cookie(self.request, kwargs["data"])
        return super().get_serializer(*args, **kwargs)

    @staticmethod
    def data_with_cookie(request: HttpRequest, data: Any) -> Any:
        if not wants_cookie_mode(request):
            return data
        cookie = refresh_cookie(request)
        if cookie is None:
            raise exceptions.NotAuthenticated(
                "No refresh cookie.", code=codes.REFRESH_COOKIE_MISSING
            )
        return {**(data if isinstance(data, Mapping) else {}), "refresh": cookie}

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, no_store=True)
        set_device_cookie(response, request)
        data = getattr(response, "data", None)
        expires_at = data.pop("refresh_expires_at", None) if isinstance(data, dict) else None
        if wants_cookie_mode(request):
            self.move_refresh_to_cookie(request, response, expires_at)
        return response

    def move_refresh_to_cookie(
        self, request: Request, response: Response, expires_at: datetime | None
    ) -> None:
        data = getattr(response, "data", None)
        if response.status_code == status.HTTP_200_OK and isinstance(data, dict):
            raw = data.pop("refresh", None)
            if raw and expires_at:
                set_refresh_cookie(response, request, raw, expires_at)
        elif self.reads_refresh_cookie and response.status_code in (204, 401):
            clear_refresh_cookie(response)
