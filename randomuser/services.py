"""Services behind the randomuser views: the per-user quota, and documents to stream."""

import math
import secrets
from collections.abc import Iterator
from datetime import date

from accounts.shared import counters
from randomuser.conf import randomuser_settings
from randomuser.exceptions import QuotaExceeded
from randomuser.formats import render
from randomuser.generator import VERSION, Options, generate_users

QUOTA_WINDOW_SECONDS = 300
SEED_BYTES = 8


def seed_new() -> str:
    """Return a fresh random seed: 16 lowercase hex digits, as randomuser.me makes them."""
    return secrets.token_hex(SEED_BYTES)


def quota_consume(*, user_key: str, count: int) -> None:
    """Count ``count`` users against ``user_key``'s quota; raise ``QuotaExceeded`` if over.

    The window is fixed (5 minutes, like randomuser.me) and the counter lives in Django's
    cache, so app servers sharing a Redis cache share the quota. A refused request costs
    nothing.
    """
    limit = randomuser_settings.USERS_PER_5_MINUTES
    window, seconds_left = counters.fixed_window(QUOTA_WINDOW_SECONDS)
    key = f"randomuser:quota:{user_key}:{window}"
    if counters.hit(key, count, QUOTA_WINDOW_SECONDS) > limit:
        counters.hit(key, -count, QUOTA_WINDOW_SECONDS)
        raise QuotaExceeded(limit=limit, retry_after=max(math.ceil(seconds_left), 1))


def users_document(
    *, options: Options, format_name: str, with_info: bool, today: date, picture_base: str
) -> Iterator[str]:
    """Yield the users of ``options`` as a ``format_name`` document, chunk by chunk."""
    info = {"seed": options.seed, "results": options.results, "page": options.page}
    full_info = {**info, "version": VERSION} if with_info else None
    users = generate_users(options, today=today, picture_base=picture_base)
    return render(format_name, users, full_info)
