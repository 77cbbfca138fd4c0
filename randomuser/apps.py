from django.apps import AppConfig


class RandomUserConfig(AppConfig):
    name = "randomuser"
    verbose_name = "Random users"

    def ready(self) -> None:
        from randomuser import checks  # noqa: F401  (registers the system checks)
