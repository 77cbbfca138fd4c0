"""The virtual users of `make loadtest`: `bench/loadtest/run.py` runs them, `plan.py` says what.

Each request is named after its kind in `plan.ROUTES`. Three more names mark requests the
plan does not schedule: `login (kept)`, each user's first login; `refresh (retry)`, a refresh
answered 5xx (or not at all) tried once more with the same token, as a client would; and
`login (again)`, a new kept session when that retry is refused (the lost answer had rotated
the token: `refresh_superseded`), the session then being lost.
"""

import itertools
import time
from dataclasses import dataclass, field
from typing import Any

from locust import FastHttpUser, constant_throughput, task

from bench.loadtest import plan


@dataclass
class KeptSession:
    """A kept account's session: its latest tokens, and when it was lost, if it was."""

    username: str
    address: str
    created_at: float
    access: str
    refresh: str
    lost_at: float | None = None


@dataclass
class Roster:
    """What the driver hands the users before the run, and what they hand back."""

    run: str = ""
    password: str = ""
    address_offset: int = 0
    numbers: "itertools.count[int]" = field(default_factory=itertools.count)
    sessions: list[KeptSession] = field(default_factory=list)


ROSTER = Roster()


def server_failed(status: int) -> bool:
    """An answer nginx makes when an app server dies under it, or no answer at all."""
    return status == 0 or status >= 500


class LoadUser(FastHttpUser):
    """One client with its own address, a kept account and a churn account."""

    wait_time = constant_throughput(plan.TASKS_PER_SECOND)

    def on_start(self) -> None:
        number = next(ROSTER.numbers)
        self.address = plan.client_address(number, ROSTER.address_offset)
        self.kept_name, self.churn_name = plan.account_names(ROSTER.run, number)
        self.step = plan.first_step(number)
        self.churn_access: str | None = None
        self.kept = self.log_in_kept("login (kept)")

    @task
    def next_step(self) -> None:
        kind = plan.CYCLE[self.step % len(plan.CYCLE)]
        self.step += 1
        if self.kept is None:  # its login failed: try again
            self.kept = self.log_in_kept("login (again)")
        elif kind == "login":
            self.churn_access = self.log_in(self.churn_name, kind)
        elif kind == "logout_all":
            self.log_out_everywhere()
        elif kind == "refresh":
            self.refresh()
        else:
            self.call(kind, token=self.kept.access)

    def call(
        self, kind: str, *, name: str = "", token: str = "", body: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        """Send `kind`'s request; return its status and, for a POST answered 200, its JSON."""
        method, path = plan.ROUTES[kind]
        headers = {"X-Forwarded-For": self.address}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        response = self.client.request(method, path, name=name or kind, headers=headers, json=body)
        status = response.status_code
        return status, response.json() if status == 200 and method == "POST" else None

    def log_in(self, username: str, name: str) -> str | None:
        """Log in to `username`; return the access token, None if refused."""
        body = {"username": username, "password": ROSTER.password}
        status, tokens = self.call("login", name=name, body=body)
        return str(tokens["access"]) if status == 200 else None

    def log_in_kept(self, name: str) -> KeptSession | None:
        body = {"username": self.kept_name, "password": ROSTER.password}
        status, tokens = self.call("login", name=name, body=body)
        if status != 200:
            return None
        kept = KeptSession(
            self.kept_name, self.address, time.time(), tokens["access"], tokens["refresh"]
        )
        ROSTER.sessions.append(kept)
        return kept

    def log_out_everywhere(self) -> None:
        if self.churn_access is not None:
            self.call("logout_all", token=self.churn_access, body={})
            self.churn_access = None

    def refresh(self) -> None:
        """Refresh the kept session; after a server failure, retry once with the same token."""
        assert self.kept is not None
        body = {"refresh": self.kept.refresh}
        status, tokens = self.call("refresh", body=body)
        if server_failed(status):
            status, tokens = self.call("refresh", name="refresh (retry)", body=body)
        if status == 200:
            self.kept.access, self.kept.refresh = tokens["access"], tokens["refresh"]
        elif status == 409:  # the lost answer had rotated the token
            self.kept.lost_at = time.time()
            self.kept = self.log_in_kept("login (again)")
