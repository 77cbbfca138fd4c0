"""The course's route. Mount at the site root: ``path("", include("randomuser.compat_urls"))``."""

from randomuser.compat import CourseRandomUserViewSet
from randomuser.urls import with_and_without_slash

app_name = "randomuser_compat"

urlpatterns = with_and_without_slash(
    "random-user", CourseRandomUserViewSet.as_view({"get": "list"}), "random-user"
)
