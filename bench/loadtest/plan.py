"""The load test's traffic as data: who sends what, and how often.

`USERS` virtual users run for `DURATION_SECONDS`; app server `KILLED_SERVER` is killed with
SIGKILL at `KILL_AT_SECONDS`. Each virtual user is a client of its own:

- its own address, sent in `X-Forwarded-For` as a load balancer in front of nginx would
  (from 198.18.0.0/15, the range RFC 2544 reserves for benchmarks);
- a *kept* account: logged in once at the start, its session refreshed and used for `me`,
  cards and pages all along, and never logged out, so that it must still refresh at the end;
- a *churn* account: logged in to and logged out everywhere (`logout-all`) once a cycle.

Each user runs `TASKS_PER_SECOND` steps a second (fewer if the servers cannot keep up),
walking `CYCLE` from its own starting point. The production limits are not changed: the
plan stays below them (`tests/bench/test_loadtest.py` checks it against the defaults).
"""

import ipaddress

USERS = 64
DURATION_SECONDS = 60.0
KILL_AT_SECONDS = 30.0
KILLED_SERVER = 0
TASKS_PER_SECOND = 8.0
PAGE_RESULTS = 100

# One request each; `login` and `logout_all` use the churn account, the rest the kept one.
ROUTES = {
    "login": ("POST", "/api/auth/login/"),
    "refresh": ("POST", "/api/auth/refresh/"),
    "me": ("GET", "/api/auth/me/"),
    "card": ("GET", "/api/random-user/"),
    "page": ("GET", f"/api/random-users/?results={PAGE_RESULTS}"),
    "logout_all": ("POST", "/api/auth/logout-all/"),
}
STEPS_PER_CYCLE = {"login": 1, "logout_all": 1, "refresh": 6, "page": 4, "me": 34, "card": 34}

FIRST_ADDRESS = ipaddress.IPv4Address("198.18.0.0")
ADDRESSES = 2**17


def interleave(counts: dict[str, int]) -> tuple[str, ...]:
    """Return each key `counts[key]` times, evenly spread (smooth weighted round-robin).

    Among equals the earlier key goes first, so `login` precedes `logout_all`.
    """
    total = sum(counts.values())
    current = dict.fromkeys(counts, 0)
    order = []
    for _ in range(total):
        for key, count in counts.items():
            current[key] += count
        chosen = max(current, key=lambda key: current[key])
        current[chosen] -= total
        order.append(chosen)
    return tuple(order)


CYCLE = interleave(STEPS_PER_CYCLE)


def per_minute(kind: str) -> float:
    """How many `kind` steps one user runs a minute at most."""
    return TASKS_PER_SECOND * 60 * STEPS_PER_CYCLE[kind] / len(CYCLE)


def first_step(number: int) -> int:
    """Where user `number` starts in `CYCLE`: the users are spread over it."""
    return number * len(CYCLE) // USERS


def client_address(number: int, offset: int) -> str:
    """The address of user `number` in a run whose addresses start `offset` into the range."""
    return str(FIRST_ADDRESS + (offset + number) % ADDRESSES)


def account_names(run: str, number: int) -> tuple[str, str]:
    """The kept and the churn account of user `number` in run `run`."""
    return f"loadtest-{run}-{number}-kept", f"loadtest-{run}-{number}-churn"
