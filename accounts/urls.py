"""Token endpoints. Mount with `path("api/auth/", include("accounts.urls"))`.

Every route answers with and without its trailing slash, never with a redirect: a
browser cannot follow a redirect on a CORS-preflighted request.
"""

from accounts import views
from accounts.shared import with_and_without_slash

app_name = "accounts"


urlpatterns = [
    *with_and_without_slash("login", views.LoginView.as_view(), "login"),
    *with_and_without_slash("refresh", views.RefreshView.as_view(), "refresh"),
    *with_and_without_slash("logout", views.LogoutView.as_view(), "logout"),
    *with_and_without_slash("logout-all", views.LogoutAllView.as_view(), "logout_all"),
    *with_and_without_slash("verify", views.VerifyView.as_view(), "verify"),
    *with_and_without_slash("me", views.MeView.as_view(), "me"),
    *with_and_without_slash(
        "password/change", views.PasswordChangeView.as_view(), "password_change"
    ),
    *with_and_without_slash("sessions", views.SessionListView.as_view(), "session_list"),
    *with_and_without_slash(
        "sessions/<uuid:pk>", views.SessionDetailView.as_view(), "session_detail"
    ),
]
