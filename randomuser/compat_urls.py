"""The course's route. Mount at the site root: ``path("", include("randomuser.compat_urls"))``."""

from accounts.shared import with_and_without_slash
from randomuser.compat import CourseRandomUserViewSet

app_name = "randomuser_compat"

urlpatterns = with_and_without_slash(
    "random-user", CourseRandomUserViewSet.as_view({"get": "list"}), "random-user"
)
