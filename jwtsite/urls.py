from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from accounts.forms import GuardedAuthenticationForm
from accounts.handlers import not_found

handler400 = "accounts.handlers.bad_request"
handler404 = "accounts.handlers.not_found"
handler500 = "accounts.handlers.server_error"

# The browsable API's "Log in" and "Log out" links (`rest_framework.urls`, with the login
# behind the password guard). Debug only, as the browsable API itself.
BROWSABLE_API_LOGIN = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="rest_framework/login.html",
            authentication_form=GuardedAuthenticationForm,
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]

urlpatterns = [
    path(
        "",
        TemplateView.as_view(
            template_name="index.html", extra_context={"client_url": settings.CLIENT_URL}
        ),
        name="index",
    ),
    path("", include("accounts.health")),
    path("admin/", admin.site.urls),
    path("api/auth/", include("accounts.urls")),
    path("api/", include("randomuser.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("", include("accounts.compat_urls")),
    path("", include("accounts.jwks_urls")),
    path("", include("randomuser.compat_urls")),
    # Unknown API URLs answer JSON even with debug on (handler404 only serves debug off).
    re_path(r"^api/", not_found),
] + (
    [path("api-auth/", include((BROWSABLE_API_LOGIN, "rest_framework")))] if settings.DEBUG else []
)
