"""The course's routes. Mount at the site root: `path("", include("accounts.compat_urls"))`."""

from accounts import compat
from accounts.shared import with_and_without_slash

app_name = "accounts_compat"

urlpatterns = [
    *with_and_without_slash("login", compat.CourseLoginView.as_view(), "login"),
    *with_and_without_slash("me", compat.CourseMeView.as_view(), "me"),
]
