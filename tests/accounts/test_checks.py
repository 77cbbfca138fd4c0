from datetime import timedelta
from typing import Any

import pytest
from django.core.checks import Error
from django.test import override_settings

from accounts.checks import check_accounts_settings, check_user_model


def ids(errors: list[Any]) -> list[str]:
    return [error.id for error in errors]


def test_default_settings_pass() -> None:
    assert check_accounts_settings() == []
    assert check_user_model() == []


@override_settings(ACCOUNTS=["not", "a", "dict"])
def test_accounts_must_be_a_dict() -> None:
    assert ids(check_accounts_settings()) == ["accounts.E001"]


@override_settings(ACCOUNTS={"SESION_ABSOLUTE_LIFETIME": timedelta(days=1)})
def test_unknown_key_is_an_error_with_a_hint() -> None:
    errors = check_accounts_settings()
    assert ids(errors) == ["accounts.E002"]
    assert isinstance(errors[0], Error)
    assert "SESSION_ABSOLUTE_LIFETIME" in (errors[0].hint or "")


@override_settings(ACCOUNTS={"SESSION_ABSOLUTE_LIFETIME": 30})
def test_lifetime_must_be_a_timedelta() -> None:
    assert ids(check_accounts_settings()) == ["accounts.E003"]


@pytest.mark.parametrize("grace", [10, timedelta(seconds=-1)])
def test_reuse_grace_must_be_a_non_negative_timedelta(grace: object) -> None:
    with override_settings(ACCOUNTS={"REFRESH_REUSE_GRACE": grace}):
        assert ids(check_accounts_settings()) == ["accounts.E003"]


@override_settings(AUTH_USER_MODEL="auth.User")
def test_user_model_needs_a_token_version() -> None:
    assert ids(check_user_model()) == ["accounts.E004"]


@pytest.mark.parametrize(
    "values",
    [{"REGISTRATION": "maybe"}, {"EMAIL_VERIFICATION": "always"}],
)
def test_lifecycle_choices_are_checked(values: dict[str, Any]) -> None:
    with override_settings(ACCOUNTS=values):
        assert ids(check_accounts_settings()) == ["accounts.E011"]


@pytest.mark.parametrize("url", ["127.0.0.1:4200", "ftp://example.com", None])
def test_frontend_url_must_be_http(url: Any) -> None:
    with override_settings(ACCOUNTS={"FRONTEND_URL": url}):
        assert ids(check_accounts_settings()) == ["accounts.E012"]


def test_mail_rates_and_link_lifetimes_are_checked() -> None:
    with override_settings(ACCOUNTS={"MAIL_RATE_PER_IP": "often"}):
        assert ids(check_accounts_settings()) == ["accounts.E008"]
    with override_settings(ACCOUNTS={"EMAIL_CHANGE_LIFETIME": 86400}):
        assert ids(check_accounts_settings()) == ["accounts.E003"]
    assert check_accounts_settings() == []
