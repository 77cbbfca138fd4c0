import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jwtsite.settings")

django_application = get_wsgi_application()

# After the apps are loaded: malformed headers get a 400 before Django parses them.
from accounts.wsgi import RequestGuard  # noqa: E402

application = RequestGuard(django_application)

# Several server processes without a shared cache would disagree on revocations and limits.
from accounts.processes import claim_local_cache  # noqa: E402

claim_local_cache()

# Extract the fake-user data once per process now, not during the first request.
from randomuser.nationalities import load_all  # noqa: E402

load_all()
