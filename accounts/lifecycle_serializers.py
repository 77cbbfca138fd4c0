"""Input and output serializers of the account lifecycle endpoints."""

from typing import Any

from django.contrib.auth import password_validation
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from accounts import codes
from accounts.models import User
from accounts.serializers import StringField, UserSerializer, password_field

# Long enough for any signed key this app sends; far shorter than a hostile body.
KEY_MAX_LENGTH = 1024


class EmailAddressField(serializers.EmailField):
    """An email address, its domain lowercased as `BaseUserManager.normalize_email` does."""

    def __init__(self) -> None:
        super().__init__(max_length=254)

    def to_internal_value(self, data: Any) -> str:
        return BaseUserManager.normalize_email(super().to_internal_value(data))


def check_password_strength(password: str, user: User, *, field: str) -> None:
    """Run Django's password validators; their messages come back under `field`."""
    try:
        password_validation.validate_password(password, user)
    except DjangoValidationError as error:
        errors = {field: list(error.messages)}
        raise serializers.ValidationError(errors, code=codes.PASSWORD_INVALID) from error


def no_at_sign(username: str) -> None:
    # A username that is an address would let "username taken" reveal the address.
    if "@" in username:
        raise serializers.ValidationError("A username cannot contain @.")


class RegisterSerializer(serializers.Serializer[Any]):
    username = StringField(max_length=150, validators=[UnicodeUsernameValidator(), no_at_sign])
    email = EmailAddressField()
    password = password_field()


class PendingUserSerializer(serializers.Serializer[Any]):
    """The account as answered before its address is verified (no id: see SECURITY.md)."""

    username = serializers.CharField(read_only=True)
    email = serializers.CharField(read_only=True)


class RegisteredUserSerializer(PendingUserSerializer):
    # Not read-only: OpenAPI would then list them as always present, and they are left
    # out until the address is verified.
    id = serializers.IntegerField(required=False)
    first_name = serializers.CharField(required=False)
    last_name = serializers.CharField(required=False)


class RegisterResponseSerializer(serializers.Serializer[Any]):
    user = RegisteredUserSerializer(
        read_only=True, help_text="Only `username` and `email` until the address is verified."
    )
    access = serializers.CharField(required=False, help_text="Without mandatory verification.")
    refresh = serializers.CharField(required=False, help_text="Without mandatory verification.")


class UserResponseSerializer(serializers.Serializer[Any]):
    user = UserSerializer(read_only=True)


class KeySerializer(serializers.Serializer[Any]):
    key = StringField(max_length=KEY_MAX_LENGTH)


class EmailSerializer(serializers.Serializer[Any]):
    email = EmailAddressField()


class ResetConfirmSerializer(serializers.Serializer[Any]):
    uid = StringField(max_length=64)
    token = StringField(max_length=128)
    new_password = password_field()


class ProfileSerializer(serializers.ModelSerializer[User]):
    class Meta:
        model = User
        fields = ["first_name", "last_name"]


class EmailChangeSerializer(serializers.Serializer[Any]):
    new_email = EmailAddressField()
    password = password_field()


class PasswordSerializer(serializers.Serializer[Any]):
    password = password_field()


class DetailSerializer(serializers.Serializer[Any]):
    detail = serializers.CharField(read_only=True)
