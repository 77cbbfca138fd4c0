"""Typed settings: every `ACCOUNTS` key declared once, every SimpleJWT key set is read."""

from datetime import timedelta

from django.conf import settings
from django.test import override_settings

from accounts.conf import AccountsSettings, JWTSettings, accounts_settings, jwt_settings

# Read by SimpleJWT's own authentication class, which `accounts.authentication` extends.
READ_BY_SIMPLEJWT = {"AUTH_HEADER_TYPES"}


def test_every_key_falls_back_to_its_default_and_follows_overrides() -> None:
    with override_settings(ACCOUNTS={}):
        assert timedelta(days=30) == accounts_settings.SESSION_ABSOLUTE_LIFETIME
        assert accounts_settings.REFRESH_COOKIE_DOMAIN is None
    with override_settings(ACCOUNTS={"LOCKOUT_FAILURES": 3}):
        assert accounts_settings.LOCKOUT_FAILURES == 3
    assert {"SESSION_ABSOLUTE_LIFETIME", "MAX_JSON_DEPTH"} <= AccountsSettings.known()


def test_the_project_sets_no_simple_jwt_key_that_nothing_reads() -> None:
    read = {name for name in dir(JWTSettings) if name.isupper()} | READ_BY_SIMPLEJWT
    assert set(settings.SIMPLE_JWT) <= read


def test_leeway_is_a_timedelta_whichever_way_it_is_given() -> None:
    for given in (5, timedelta(seconds=5)):
        with override_settings(SIMPLE_JWT={**settings.SIMPLE_JWT, "LEEWAY": given}):
            assert timedelta(seconds=5) == jwt_settings.LEEWAY
