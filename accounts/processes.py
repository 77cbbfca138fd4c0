"""Several server processes need a shared cache: refuse them a process-local one.

Each process has its own local-memory cache, so a revocation marked stale in one process
stays believed in another, and every process counts its own limits. `claim_local_cache`,
called once by each server process (the project's `wsgi.py`), lets one process per
database serve with such a cache and stops every other one at start-up with one line.
"""

import fcntl
import hashlib
import tempfile
from pathlib import Path
from typing import IO

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

#: Caches that each process keeps for itself.
PROCESS_LOCAL_CACHES = frozenset(
    {
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
    }
)

_held: list[IO[bytes]] = []


def cache_is_process_local() -> bool:
    return settings.CACHES.get("default", {}).get("BACKEND") in PROCESS_LOCAL_CACHES


def lock_path() -> Path:
    database = settings.DATABASES["default"]
    place = "|".join(str(database.get(key, "")) for key in ("ENGINE", "NAME", "HOST", "PORT"))
    digest = hashlib.sha256(place.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"accounts-local-cache-{digest}.lock"


def claim_local_cache() -> None:
    """Refuse to serve if another live process serves this database with a local cache.

    Debug mode (one development server) is exempt. Raise `ImproperlyConfigured`.
    """
    if settings.DEBUG or not cache_is_process_local() or _held:
        return
    lock = lock_path().open("ab")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        raise ImproperlyConfigured(
            "Another process already serves this database with a process-local cache: "
            "configure a shared cache (REDIS_URL) to run several workers, or run one."
        ) from None
    _held.append(lock)  # Held until the process exits.
