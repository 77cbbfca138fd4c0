"""A URLconf with views that fail the way bugs and outages do, and the project's handlers."""

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.urls import path


def bug(request: HttpRequest) -> HttpResponse:
    raise ZeroDivisionError("a bug")


def database_down(request: HttpRequest) -> HttpResponse:
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


handler400 = "accounts.handlers.bad_request"
handler500 = "accounts.handlers.server_error"

urlpatterns = [path("bug", bug), path("database-down", database_down)]
