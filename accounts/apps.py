from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and token sessions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers system checks, signal receivers and the OpenAPI auth extension.
        from accounts import checks, schema, signals  # noqa: F401
