import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jwtsite.settings")

application = get_asgi_application()

# Extract the fake-user data once per process now, not during the first request.
from randomuser.nationalities import load_all  # noqa: E402

load_all()
