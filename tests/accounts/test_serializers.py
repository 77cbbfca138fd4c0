"""Output serializers that skip DRF's per-instance field building give the same result."""

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from rest_framework import serializers

from accounts.serializers import UserSerializer


@pytest.mark.parametrize(
    "fields",
    [
        {"username": "alice", "email": "alice@example.com", "first_name": "Alice"},
        {"username": "Zoë.ß+1@x", "email": "", "first_name": "", "last_name": "Ødegård 山田"},
    ],
)
def test_user_representation_equals_the_field_by_field_one(db: Any, fields: dict[str, Any]) -> None:
    user = get_user_model().objects.create_user(password="irrelevant", **fields)
    field_by_field = serializers.ModelSerializer.to_representation(UserSerializer(), user)
    assert UserSerializer(user).data == field_by_field
    assert list(UserSerializer(user).data) == list(field_by_field)
