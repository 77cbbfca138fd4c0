"""The admin's login form, behind the password guard like every other password check."""

from typing import Any

from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError

from accounts.exceptions import PasswordRejected, TooManyAttempts
from accounts.guard import password_check


class GuardedAdminAuthenticationForm(AdminAuthenticationForm):
    """Django's admin login form, checking the password through `password_check()`.

    The admin login then meets the same rate limits and lockout as the API's login,
    and its failures are logged as `admin_login_failed`.
    """

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            try:
                self.user_cache = password_check(
                    request=self.request,  # type: ignore[arg-type]
                    username=username,
                    password=password,
                    action="admin_login",
                )
            except PasswordRejected as error:
                raise self.get_invalid_login_error() from error
            except TooManyAttempts as error:
                raise ValidationError(
                    "Too many login attempts. Try again later.", code="throttled"
                ) from error
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data
