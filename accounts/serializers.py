"""Input and output serializers of the token endpoints."""

from collections.abc import Mapping
from typing import Any

from django.contrib.auth import get_user_model, password_validation
from rest_framework import exceptions, serializers
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.tokens import Token

from accounts import codes, lifecycle, services
from accounts.authentication import user_for_token
from accounts.conf import jwt_settings
from accounts.exceptions import (
    Conflict,
    PasswordRejected,
    RefreshTokenSuperseded,
    session_errors_as_401,
    too_many_attempts_as_429,
)
from accounts.guard import password_check
from accounts.models import Session
from accounts.network import client_ip
from accounts.signals import emit
from accounts.tokens import RefreshToken, UntypedToken

# Long passphrases work; megabyte "passwords" that would keep Argon2 busy do not.
PASSWORD_MAX_LENGTH = 1024


class UserSerializer(serializers.ModelSerializer[Any]):
    # Not an EmailField: the address may be blank, which `format: email` would refuse.
    email = serializers.CharField(read_only=True, help_text="An email address, or empty.")

    class Meta:
        model = get_user_model()
        fields = ["id", "username", "email", "first_name", "last_name"]
        read_only_fields = fields

    def to_representation(self, instance: Any) -> dict[str, Any]:
        """Return the fields' values as they are: all of them are already JSON-ready.

        DRF would build (deep-copy) the five fields for every user served, the biggest cost
        of `GET /api/auth/me/`; a test proves the result equal to the field-by-field one.
        """
        return {name: getattr(instance, name) for name in self.Meta.fields}


def decode(raw: str, token_class: type[Token]) -> Token:
    try:
        return token_class(raw)  # type: ignore[arg-type]
    except TokenError as error:
        raise InvalidToken(error.args[0]) from error


# The browsable API's forms show these as password inputs.
MASKED = {"input_type": "password"}


class StringField(serializers.CharField):
    """A `CharField` that takes only JSON strings: DRF's turns `12345` into `"12345"`."""

    default_error_messages = {"invalid": "Must be a string."}

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return str(super().to_internal_value(data))


def password_field() -> StringField:
    """A password input: never trimmed, never echoed, masked in the browsable API."""
    return StringField(
        max_length=PASSWORD_MAX_LENGTH, trim_whitespace=False, write_only=True, style=MASKED
    )


class LoginSerializer(serializers.Serializer[Any]):
    username = StringField(max_length=150)
    password = password_field()

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        try:
            return dict(super().to_internal_value(data))
        except serializers.ValidationError:
            # A malformed login (a number for a username, say) is a failed attempt too.
            username = data.get("username") if isinstance(data, Mapping) else None
            ip_address = client_ip(self.context["request"])
            emit("login_failed", username=username, ip_address=ip_address, reason="malformed")
            raise

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        request = self.context["request"]
        try:
            with too_many_attempts_as_429():
                user = password_check(
                    request=request,
                    username=attrs["username"],
                    password=attrs["password"],
                    action="login",
                )
        except PasswordRejected as error:
            raise exceptions.AuthenticationFailed(
                "No active account found with the given credentials.",
                code=codes.INVALID_CREDENTIALS,
            ) from error
        if not lifecycle.login_allowed(user):
            raise exceptions.PermissionDenied(
                "Confirm your email address first: open the link we emailed you.",
                code=codes.EMAIL_NOT_VERIFIED,
            )
        pair = services.session_start(
            user=user,
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
            ip_address=client_ip(request),
        )
        return {**pair.body(), "user": UserSerializer(user).data}


class TokenPairSerializer(serializers.Serializer[Any]):
    access = serializers.CharField(read_only=True)
    # Not read-only: OpenAPI would then list it as always present.
    refresh = serializers.CharField(
        required=False,
        help_text="Left out in cookie mode (`X-Token-Transport: cookie`): "
        "the refresh token is in an httpOnly cookie instead.",
    )


class LoginResponseSerializer(TokenPairSerializer):
    user = UserSerializer(read_only=True)


def refresh_given(attrs: dict[str, Any]) -> str:
    """Return the refresh token of a body, which header mode must send (400 without it)."""
    if "refresh" not in attrs:
        message = serializers.Field.default_error_messages["required"]
        raise serializers.ValidationError({"refresh": [message]}, code="required")
    refresh: str = attrs["refresh"]
    return refresh


class RefreshSerializer(serializers.Serializer[Any]):
    # Optional in the body: cookie mode sends it in a cookie, which the view copies here.
    refresh = serializers.CharField(
        max_length=4096,
        required=False,
        help_text="Required in header mode. Left out in cookie mode "
        "(`X-Token-Transport: cookie`): the refresh cookie is read instead.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        token = decode(refresh_given(attrs), RefreshToken)
        try:
            with session_errors_as_401():
                pair = services.session_refresh(token=token)
        except RefreshTokenSuperseded as error:
            raise Conflict(error.message, code=error.code) from error
        return pair.body()


class LogoutSerializer(RefreshSerializer):
    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        token = decode(refresh_given(attrs), RefreshToken)
        with session_errors_as_401():
            services.session_logout(token=token)
        return {}


class VerifySerializer(serializers.Serializer[Any]):
    token = serializers.CharField(max_length=4096, write_only=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        token = decode(attrs["token"], UntypedToken)
        user_for_token(token)
        if token.get(jwt_settings.TOKEN_TYPE_CLAIM) == RefreshToken.token_type:
            with session_errors_as_401():
                services.session_check_current(token=token)
        return {}


class PasswordChangeSerializer(serializers.Serializer[Any]):
    old_password = password_field()
    new_password = password_field()

    def validate_new_password(self, value: str) -> str:
        password_validation.validate_password(value, self.context["request"].user)
        return value


class SessionSerializer(serializers.ModelSerializer[Session]):
    current = serializers.SerializerMethodField()

    class Meta:
        model = Session
        fields = [
            "id",
            "created_at",
            "last_used_at",
            "expires_at",
            "user_agent",
            "ip_address",
            "current",
        ]
        read_only_fields = fields

    def get_current(self, session: Session) -> bool:
        return str(session.pk) == self.context.get("current_session_id")
