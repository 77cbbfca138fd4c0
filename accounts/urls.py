"""Token endpoints. Mount with `path("api/auth/", include("accounts.urls"))`.

Every route answers with and without its trailing slash, never with a redirect: a
browser cannot follow a redirect on a CORS-preflighted request.
"""

from accounts import account_views, lifecycle_views, views
from accounts.shared import with_and_without_slash

app_name = "accounts"


urlpatterns = [
    *with_and_without_slash("login", views.LoginView.as_view(), "login"),
    *with_and_without_slash("refresh", views.RefreshView.as_view(), "refresh"),
    *with_and_without_slash("logout", views.LogoutView.as_view(), "logout"),
    *with_and_without_slash("logout-all", views.LogoutAllView.as_view(), "logout_all"),
    *with_and_without_slash("verify", views.VerifyView.as_view(), "verify"),
    *with_and_without_slash("me", account_views.AccountView.as_view(), "me"),
    *with_and_without_slash(
        "password/change", views.PasswordChangeView.as_view(), "password_change"
    ),
    *with_and_without_slash("sessions", views.SessionListView.as_view(), "session_list"),
    *with_and_without_slash(
        "sessions/<uuid:pk>", views.SessionDetailView.as_view(), "session_detail"
    ),
    *with_and_without_slash("register", lifecycle_views.RegisterView.as_view(), "register"),
    *with_and_without_slash(
        "register/verify-email", lifecycle_views.VerifyEmailView.as_view(), "verify_email"
    ),
    *with_and_without_slash(
        "register/resend-email", lifecycle_views.ResendEmailView.as_view(), "resend_email"
    ),
    *with_and_without_slash(
        "password/reset", lifecycle_views.PasswordResetView.as_view(), "password_reset"
    ),
    *with_and_without_slash(
        "password/reset/confirm",
        lifecycle_views.PasswordResetConfirmView.as_view(),
        "password_reset_confirm",
    ),
    *with_and_without_slash(
        "email/change", account_views.EmailChangeView.as_view(), "email_change"
    ),
    *with_and_without_slash(
        "email/change/confirm",
        account_views.EmailChangeConfirmView.as_view(),
        "email_change_confirm",
    ),
]
