from typing import Any

from django.core.management.base import BaseCommand

from accounts.services import sessions_delete_stale


class Command(BaseCommand):
    help = (
        "Delete expired token sessions and those revoked longer ago than "
        "ACCOUNTS['REVOKED_SESSION_RETENTION']. Correctness never depends on running it."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = sessions_delete_stale()
        self.stdout.write(f"Deleted {deleted} stale session(s).")
