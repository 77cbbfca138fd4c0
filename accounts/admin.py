"""Admin for users and their token sessions. No token is stored, so none is shown."""

from datetime import UTC, datetime
from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from accounts import lifecycle, lockout, services
from accounts.forms import GuardedAdminAuthenticationForm
from accounts.models import RevokeReason, Session, User

# The admin's login checks passwords through the guard too (limits, lockout, events).
admin.site.login_form = GuardedAdminAuthenticationForm


class SessionInline(admin.TabularInline):  # type: ignore[type-arg]
    """The user's live sessions; the user page links to all of them (they pile up)."""

    model = Session
    verbose_name_plural = "live token sessions"
    fields = ["created_at", "last_used_at", "expires_at", "client", "state"]
    readonly_fields = ["created_at", "last_used_at", "expires_at", "client", "state"]
    extra = 0
    can_delete = False
    show_change_link = True
    ordering = ["-last_used_at"]

    @admin.display(description="client")
    def client(self, session: Session) -> str:
        return session.client_label

    @admin.display(description="state")
    def state(self, session: Session) -> str:
        return session_state(session)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Session]:
        return super().get_queryset(request).live()  # type: ignore[attr-defined,no-any-return]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def session_state(session: Session) -> str:
    if session.revoked_at is not None:
        return f"revoked ({session.get_revoke_reason_display()})"
    return "live" if session.is_live else "expired"


@admin.register(User)
class AccountsUserAdmin(UserAdmin):  # type: ignore[type-arg]
    inlines = [SessionInline]
    actions = ["revoke_all_sessions", "unlock_logins", "resend_verification"]
    list_display = [
        "username",
        "email",
        "email_verified",
        "first_name",
        "last_name",
        "is_staff",
        "login_locked",
    ]
    list_filter = [*UserAdmin.list_filter, "email_verified"]
    readonly_fields = ["login_locked", "all_sessions"]
    fieldsets = [
        *(UserAdmin.fieldsets or ()),
        ("Email verification", {"fields": ["email_verified"]}),
        ("Login lockout", {"fields": ["login_locked"]}),
        ("Token sessions", {"fields": ["all_sessions"]}),
    ]

    @admin.display(description="login locked")
    def login_locked(self, user: User) -> str:
        locked_until = lockout.account_locked_until(username=user.get_username())
        if locked_until is None:
            return ""
        ends = timezone.localtime(datetime.fromtimestamp(locked_until, tz=UTC))
        return f"locked until {ends:%H:%M}"

    @admin.display(description="all sessions")
    def all_sessions(self, user: User) -> str:
        url = reverse("admin:accounts_session_changelist") + f"?user__id__exact={user.pk}"
        count = Session.objects.filter(user=user).count()
        return format_html('<a href="{}">All {} (live, revoked and expired)</a>', url, count)

    @admin.action(description="Unlock login (clear failed attempts)")
    def unlock_logins(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            lockout.account_unlock(username=user.get_username())
        self.message_user(request, f"Unlocked {len(queryset)} account(s).", messages.SUCCESS)

    @admin.action(description="Resend the verification email (unverified addresses only)")
    def resend_verification(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        unverified = [user for user in queryset if user.email and not user.email_verified]
        for user in unverified:
            lifecycle.user_send_verification(user=user)
        self.message_user(
            request, f"Sent {len(unverified)} verification email(s).", messages.SUCCESS
        )

    @admin.action(description="Log out everywhere: revoke every session and token")
    def revoke_all_sessions(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        count = sum(services.user_logout_all(user=user) for user in queryset)
        self.message_user(request, f"Revoked {count} session(s).", messages.SUCCESS)


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["user", "state", "created_at", "last_used_at", "expires_at", "ip_address"]
    list_filter = ["revoke_reason", "created_at"]
    list_select_related = ["user"]
    search_fields = ["user__username", "ip_address", "user_agent"]
    readonly_fields = [
        "id",
        "user",
        "created_at",
        "last_used_at",
        "expires_at",
        "refresh_expires_at",
        "rotated_at",
        "user_agent",
        "ip_address",
        "revoked_at",
        "revoke_reason",
    ]
    exclude = ["current_jti", "previous_jti"]
    actions = ["revoke_sessions"]
    date_hierarchy = "created_at"

    @admin.display(description="state")
    def state(self, session: Session) -> str:
        return session_state(session)

    @admin.action(description="Revoke selected sessions")
    def revoke_sessions(self, request: HttpRequest, queryset: QuerySet[Session]) -> None:
        count = sum(
            services.session_revoke(session=session, reason=RevokeReason.ADMIN)
            for session in queryset
        )
        self.message_user(request, f"Revoked {count} session(s).", messages.SUCCESS)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
