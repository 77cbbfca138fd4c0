from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

handler400 = "accounts.handlers.bad_request"
handler404 = "accounts.views.not_found"
handler500 = "accounts.handlers.server_error"

urlpatterns = [
    path("", include("accounts.health")),
    path("admin/", admin.site.urls),
    path("api/auth/", include("accounts.urls")),
    path("api/", include("randomuser.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("", include("accounts.compat_urls")),
    path("", include("accounts.jwks_urls")),
    path("", include("randomuser.compat_urls")),
]
