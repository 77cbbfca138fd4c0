"""Random-user API. Mount with `path("api/", include("randomuser.urls"))`.

Every route answers with and without its trailing slash, never with a redirect: a browser
cannot follow a redirect on a CORS-preflighted request.
"""

from django.urls import path

from accounts.shared import with_and_without_slash
from randomuser import views

app_name = "randomuser"
AVATAR_ROUTE = "avatars/<str:size>/<str:colour>/<str:initials>.svg"


urlpatterns = [
    *with_and_without_slash(
        "random-user", views.RandomUserViewSet.as_view({"get": "list"}), "random-user"
    ),
    *with_and_without_slash("random-users", views.RandomUsersView.as_view(), "random-users"),
    # Image URLs are canonical without the slash (they end in ".svg"): only that one is in the
    # OpenAPI schema.
    path(AVATAR_ROUTE, views.AvatarView.as_view(), name="avatar"),
    path(f"{AVATAR_ROUTE}/", views.AvatarView.as_view(schema=None)),
]
