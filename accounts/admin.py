"""Admin for users and their token sessions. No token is stored, so none is shown."""

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from accounts import lifecycle, lockout, services
from accounts.forms import GuardedAdminAuthenticationForm
from accounts.models import RevokeReason, Session, User

# The admin's login checks passwords through the guard too (limits, lockout, events).
admin.site.login_form = GuardedAdminAuthenticationForm


class SessionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Session
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
    readonly_fields = ["login_locked"]
    fieldsets = [
        *(UserAdmin.fieldsets or ()),
        ("Email verification", {"fields": ["email_verified"]}),
        ("Login lockout", {"fields": ["login_locked"]}),
    ]

    @admin.display(description="login locked", boolean=True)
    def login_locked(self, user: User) -> bool:
        return lockout.account_is_locked(username=user.get_username())

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
