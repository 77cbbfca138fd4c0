"""The `RANDOMUSER` namespace: defaults, overrides and the system checks that guard it."""

from typing import Any

import pytest
from django.test import override_settings

from randomuser.checks import check_randomuser_settings
from randomuser.conf import randomuser_settings


def ids(errors: list[Any]) -> list[str]:
    return [error.id for error in errors]


def test_the_default_quota_passes() -> None:
    with override_settings(RANDOMUSER={}):
        assert randomuser_settings.USERS_PER_5_MINUTES == 20_000
        assert check_randomuser_settings() == []


@override_settings(RANDOMUSER={"USERS_PER_5_MINUTES": 7})
def test_a_configured_quota_is_read_at_each_access() -> None:
    assert randomuser_settings.USERS_PER_5_MINUTES == 7
    assert check_randomuser_settings() == []


@override_settings(RANDOMUSER=["USERS_PER_5_MINUTES"])
def test_randomuser_must_be_a_dict() -> None:
    assert ids(check_randomuser_settings()) == ["randomuser.E001"]


@override_settings(RANDOMUSER={"USERS_PER_5_MINUTE": 10})
def test_unknown_key_is_an_error_naming_the_known_ones() -> None:
    errors = check_randomuser_settings()
    assert ids(errors) == ["randomuser.E002"]
    assert "USERS_PER_5_MINUTES" in (errors[0].hint or "")


@pytest.mark.parametrize("quota", [-1, "20000", 2.5, True])
def test_quota_must_be_a_non_negative_integer(quota: object) -> None:
    with override_settings(RANDOMUSER={"USERS_PER_5_MINUTES": quota}):
        assert ids(check_randomuser_settings()) == ["randomuser.E003"]
