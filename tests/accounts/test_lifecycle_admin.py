"""The admin shows whether an address is verified and resends verification emails."""

from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client

from accounts.emails import wait_for_delivery
from accounts.models import User
from tests.mail import link_in


def test_user_list_shows_and_filters_the_verified_state(admin_client: Client, user: Any) -> None:
    User.objects.filter(pk=user.pk).update(email_verified=False)
    page = admin_client.get("/admin/accounts/user/?email_verified__exact=0")
    assert page.status_code == 200
    content = page.content.decode()
    assert "email verified" in content.lower()
    assert "alice" in content and "root@example.com" not in content


def test_resend_verification_action_sends_only_to_unverified(
    admin_client: Client, user: Any, mailbox: Any
) -> None:
    bob = get_user_model().objects.create_user("bob", "bob@example.com", "x", email_verified=False)
    response = admin_client.post(
        "/admin/accounts/user/",
        {"action": "resend_verification", "_selected_action": [user.pk, bob.pk]},
    )
    assert response.status_code == 302
    assert "/verify-email?key=" in link_in(mailbox.wait_for("bob@example.com"))
    wait_for_delivery()
    assert mailbox.to("alice@example.com") == []


def test_created_users_count_as_verified(db: Any) -> None:
    assert get_user_model().objects.create_user("carol", "carol@example.com", "x").email_verified
    assert get_user_model().objects.create_superuser("dan", "dan@example.com", "x").email_verified
