"""The `RANDOMUSER` settings namespace, typed and read at each access (as `accounts.conf`)."""

from typing import Any

from django.conf import settings


class RandomUserSettings:
    """The keys of `settings.RANDOMUSER`, each falling back to its default."""

    @property
    def configured(self) -> dict[str, Any]:
        configured: dict[str, Any] = getattr(settings, "RANDOMUSER", {})
        return configured

    @property
    def USERS_PER_5_MINUTES(self) -> int:
        """Random users one user may fetch per fixed 5-minute window."""
        value: int = self.configured.get("USERS_PER_5_MINUTES", 20_000)
        return value


KNOWN_SETTINGS = frozenset({"USERS_PER_5_MINUTES"})
randomuser_settings = RandomUserSettings()
