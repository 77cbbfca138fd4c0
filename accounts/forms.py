"""Login forms (the admin's, the browsable API's) behind the password guard like every other
password check."""

from typing import Any

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from accounts.exceptions import PasswordRejected, TooManyAttempts
from accounts.guard import Action, password_check


class GuardedAuthenticationForm(AuthenticationForm):
    """Django's login form, checking the password through `password_check()`.

    The login then meets the same rate limits and lockout as the API's login; its failures
    are logged as the failure event of `action`.
    """

    action: Action = "login"

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            try:
                self.user_cache = password_check(
                    request=self.request,  # type: ignore[arg-type]
                    username=username,
                    password=password,
                    action=self.action,
                )
            except PasswordRejected as error:
                raise self.get_invalid_login_error() from error
            except TooManyAttempts as error:
                raise ValidationError(
                    "Too many login attempts. Try again later.", code="throttled"
                ) from error
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class GuardedAdminAuthenticationForm(GuardedAuthenticationForm, AdminAuthenticationForm):
    """The admin's login form (staff only), its failures logged as `admin_login_failed`."""

    action: Action = "admin_login"
