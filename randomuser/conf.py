"""The `RANDOMUSER` settings namespace, typed and read at each access (as `accounts.conf`)."""

from accounts.shared import Namespace, Setting


class RandomUserSettings(Namespace):
    """The keys of `settings.RANDOMUSER`, each falling back to its default."""

    namespace = "RANDOMUSER"
    # Random users one user may fetch per fixed 5-minute window.
    USERS_PER_5_MINUTES = Setting(20_000)


randomuser_settings = RandomUserSettings()
