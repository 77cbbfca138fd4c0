"""The email-verification migration keeps every existing account able to log in."""

from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("accounts", "0004_session_verbose_name")]
AFTER = [("accounts", "0005_email_verified")]


@pytest.mark.django_db(transaction=True)
def test_existing_users_are_verified_after_the_migration() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_user = executor.loader.project_state(BEFORE).apps.get_model("accounts", "User")
    old_user.objects.create(username="old", email="old@example.com", password="x")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new_user: Any = executor.loader.project_state(AFTER).apps.get_model("accounts", "User")
    assert new_user.objects.get(username="old").email_verified is True
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
