"""The password guard: every password check of the app goes through `password_check()`.

The login (both routes, header and cookie mode), the admin login and every time a
signed-in user must re-enter the password (a password change, or any other action
confirmed with it, through `password_confirm()`) follow the same rules, in this order:

1. The per-IP limit (`LOGIN_RATE_PER_IP`) and, for networks and devices the account is
   not known from, the per-account limit (`LOGIN_RATE_PER_ACCOUNT`). Over either,
   `TooManyAttempts` is raised (answer 429) before any password is hashed.
2. The password is checked through `authenticate()`: exactly one hasher run, whether the
   account exists or not, is active or not, is locked or not — so the time taken tells
   nothing (OWASP Authentication Cheat Sheet, "Authentication Responses").
3. The lockout (`accounts.lockout`): a locked client is refused even with the right
   password, and every failure counts toward a lock, whatever the action. A success
   makes the client known to the account and issues a device cookie: views write it
   with `accounts.cookies.set_device_cookie()`.
4. Every refusal emits the action's failure event (`FAILURE_EVENTS`: `login_failed`,
   `admin_login_failed`, `password_change_failed`) with the username as typed and the
   client's address, and raises `PasswordRejected`.

To guard a new action, add it to `Action` and its event to `FAILURE_EVENTS` and to
`accounts.signals.Event`.

Views translate `PasswordRejected` into their own refusal (401 on login, 400 naming the
field on a password change) and `TooManyAttempts` into a 429 with `Retry-After`.
"""

from typing import Literal

from django.contrib.auth import authenticate
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest

from accounts import lockout
from accounts.conf import accounts_settings
from accounts.exceptions import PasswordRejected, TooManyAttempts
from accounts.models import User
from accounts.network import client_ip, network_of
from accounts.signals import Event, emit
from accounts.throttling import rate_limit_wait

#: What a password is checked for; each names its failure event.
Action = Literal["login", "admin_login", "password_change", "email_change", "account_delete"]
FAILURE_EVENTS: dict[Action, Event] = {
    "login": "login_failed",
    "admin_login": "admin_login_failed",
    "password_change": "password_change_failed",
    "email_change": "email_change_failed",
    "account_delete": "account_delete_failed",
}


def password_check(*, request: HttpRequest, username: str, password: str, action: Action) -> User:
    """Return the active user with these credentials, or raise; see the module's rules.

    `request` is the Django (or DRF) request: its client address and cookies decide the
    limits and locks. `action` names the check; its failure event is `FAILURE_EVENTS[action]`.
    Raise `TooManyAttempts` over a rate limit and `PasswordRejected` for a wrong
    password, an unknown or inactive user, or a locked client.
    """
    client = lockout.client_of(request=request, username=username)
    enforce_rate_limits(request=request, client=client)
    user = authenticate(request, username=username, password=password)
    if lockout.is_locked(client):
        user = None
    if user is None:
        lockout.record_failure(client)
        emit(FAILURE_EVENTS[action], username=username, ip_address=client_ip(request))
        raise PasswordRejected
    lockout.record_success(client, request)
    return user


def password_confirm(
    *, request: HttpRequest, user: AbstractBaseUser, password: str, action: Action
) -> None:
    """Check the password of the signed-in `user`, under the same rules as a login.

    Use it wherever a signed-in user must re-enter the password (password change,
    account deletion, email change). Raise `TooManyAttempts` or `PasswordRejected`.
    """
    checked = password_check(
        request=request, username=user.get_username(), password=password, action=action
    )
    if checked.pk != user.pk:
        raise PasswordRejected


def enforce_rate_limits(*, request: HttpRequest, client: lockout.Client) -> None:
    """Count one attempt per client network and, from unknown clients, per account.

    The per-account limit never answers 429 to a network or device the account is known
    from, so an attacker spending it cannot keep the owner out.
    """
    address = client_ip(request)
    limits: list[tuple[str, str, str | None]] = []
    if not client.known:
        limits.append(("login-account", client.account, accounts_settings.LOGIN_RATE_PER_ACCOUNT))
    if address is not None:
        limits.insert(0, ("login-ip", network_of(address), accounts_settings.LOGIN_RATE_PER_IP))
    for scope, identity, rate in limits:
        wait = rate_limit_wait(scope=scope, identity=identity, rate=rate)
        if wait is not None:
            raise TooManyAttempts(wait)
