"""A bounded, per-process memory of access tokens whose signature and claims were verified.

Verifying a token (decoding it, checking its signature and every claim) costs more than the
rest of authentication together, yet a client sends the same access token with every request
for minutes. `VerifiedTokens` keeps the verified form of each raw token until the token's
`exp`, so each token is verified once per process. The contract:

1. Only verification is remembered. Revocation (log out everywhere, password change,
   deactivation, a revoked session) is still checked at every request, after the lookup.
2. An entry is never served at or after its `exp` (no leeway): then the token goes through
   full verification again, which refuses it.
3. At most `max_size` entries: when full, expired entries go first, then the oldest.
4. Safe to share between threads: readers take no lock, writers take one.

No Django here: the clock is an argument, so tests move time without sleeping.
"""

import threading
import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Verified = TypeVar("Verified")


class VerifiedTokens(Generic[Verified]):
    """Raw token → its verified form, each dropped at its expiry; at most `max_size`."""

    def __init__(self, max_size: int, clock: Callable[[], float] = time.time) -> None:
        self.max_size = max_size
        self._clock = clock
        self._entries: dict[Hashable, tuple[Verified, float]] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, raw: Hashable) -> Verified | None:
        """Return the verified form of `raw`, or None if unknown or expired."""
        entry = self._entries.get(raw)
        if entry is None:
            return None
        if self._clock() >= entry[1]:
            self._entries.pop(raw, None)
            return None
        return entry[0]

    def put(self, raw: Hashable, verified: Verified, expires_at: float) -> None:
        """Remember `verified` for `raw` until `expires_at` (seconds since the epoch)."""
        if self.max_size <= 0 or self._clock() >= expires_at:
            return
        with self._lock:
            self._make_room()
            self._entries[raw] = (verified, expires_at)

    def _make_room(self) -> None:
        # Tokens of one lifetime expire in the order they were stored, so expired entries
        # gather at the front: drop them, then the oldest while still full.
        now = self._clock()
        while self._entries:
            oldest = next(iter(self._entries))
            if self._entries[oldest][1] > now and len(self._entries) < self.max_size:
                return
            del self._entries[oldest]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
