import os
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "demo"


class Command(BaseCommand):
    help = (
        "Make sure the demo user exists (DJANGO_DEBUG=true only) with the password in "
        "DEMO_USER_PASSWORD (a random one when unset), and print its credentials."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("The demo user is only created with DJANGO_DEBUG=true.")
        password = os.environ.get("DEMO_USER_PASSWORD") or secrets.token_urlsafe(12)
        user_model = get_user_model()
        user = user_model._default_manager.filter(username=DEMO_USERNAME).first()
        if user is None:
            user = user_model(username=DEMO_USERNAME, email="demo@example.com", first_name="Demo")
        if not user.check_password(password):
            user.set_password(password)
            user.save()
        self.stdout.write(
            self.style.SUCCESS(f"Demo user: username {DEMO_USERNAME!r}, password {password!r}")
        )
