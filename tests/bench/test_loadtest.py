"""`make loadtest` (`bench/loadtest/`), checked without running it: no timings here."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import resolve

from accounts.conf import accounts_settings
from accounts.throttling import parse_rate
from bench.loadtest import plan
from bench.loadtest.report import Kill, Record, excused, percentile
from randomuser.conf import randomuser_settings

ROOT = Path(__file__).resolve().parents[2]
VIEWS = {
    "login": "accounts:login",
    "refresh": "accounts:refresh",
    "me": "accounts:me",
    "card": "randomuser:random-user",
    "page": "randomuser:random-users",
    "logout_all": "accounts:logout_all",
}


def test_every_kind_of_traffic_is_sent_to_its_route() -> None:
    assert set(plan.CYCLE) == set(plan.ROUTES) == set(VIEWS)
    for kind, (_, path) in plan.ROUTES.items():
        assert resolve(path.partition("?")[0]).view_name == VIEWS[kind], kind


def test_each_cycle_logs_in_before_it_logs_out_everywhere() -> None:
    assert plan.CYCLE.index("login") < plan.CYCLE.index("logout_all")
    assert len(plan.CYCLE) == sum(plan.STEPS_PER_CYCLE.values())


def per_minute(rate: str | None) -> float:
    parsed = parse_rate(rate)
    assert parsed is not None
    return parsed[0] * 60 / parsed[1]


@override_settings(ACCOUNTS={}, RANDOMUSER={})
def test_each_user_stays_below_the_production_limits() -> None:
    # One more login (the kept session's) and one more refresh (a retry) than the cycle's.
    logins = plan.per_minute("login") + 1
    assert logins < per_minute(accounts_settings.LOGIN_RATE_PER_ACCOUNT)
    assert logins < per_minute(accounts_settings.LOGIN_RATE_PER_IP)
    assert plan.per_minute("refresh") + 1 < per_minute(accounts_settings.REFRESH_RATE_PER_IP)
    users = plan.per_minute("page") * plan.PAGE_RESULTS + plan.per_minute("card")
    assert users * 5 < randomuser_settings.USERS_PER_5_MINUTES


def test_each_user_has_an_address_of_its_own_in_the_benchmark_range() -> None:
    addresses = {plan.client_address(number, plan.ADDRESSES - 3) for number in range(plan.USERS)}
    assert len(addresses) == plan.USERS
    assert all(address.startswith(("198.18.", "198.19.")) for address in addresses)


KILL = Kill(at=100.0, gone=100.2)


@pytest.mark.parametrize(
    ("record", "is_excused"),
    [
        (Record("refresh", 99.9, 0.2, 502), True),  # in flight at the kill
        (Record("me", 99.0, 1.5, 0), True),
        (Record("login", 100.1, 0.1, 502), True),  # sent while the server was dying
        (Record("login", 100.3, 0.1, 502), False),  # sent once it was gone
        (Record("login", 99.0, 0.5, 502), False),  # answered before the kill
        (Record("me", 99.9, 0.2, 500), True),
        (Record("refresh (retry)", 100.2, 0.1, 409), True),
        (Record("refresh (retry)", 120.0, 0.1, 409), False),
        (Record("refresh", 100.2, 0.1, 409), False),
        (Record("login", 99.9, 0.2, 429), False),
        (Record("me", 99.9, 0.2, 401), False),
    ],
)
def test_the_kill_excuses_only_failures_it_caused(record: Record, is_excused: bool) -> None:
    assert excused(record, KILL) is is_excused


def test_percentiles_are_nearest_rank() -> None:
    values = [float(value) for value in range(1, 101)]
    assert (percentile(values, 0.5), percentile(values, 0.99)) == (50.0, 99.0)
    assert percentile([7.0], 0.99) == 7.0


def test_make_loadtest_installs_pinned_locust_and_runs_the_driver() -> None:
    lines = (ROOT / "requirements-loadtest.txt").read_text().splitlines()
    requirements = [line for line in lines if line and not line.startswith("#")]
    assert "locust==2.47.0" in requirements
    assert all("==" in line for line in requirements)
    assert "pip install --quiet -r requirements-loadtest.txt" in (ROOT / "Makefile").read_text()
    dry_run = subprocess.run(
        ["make", "-n", "loadtest"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "bench/loadtest/run.py" in dry_run


@pytest.mark.skipif(
    importlib.util.find_spec("locust") is None, reason="locust: make loadtest installs it"
)
def test_the_locustfile_imports_and_walks_the_plan() -> None:
    # In a process of its own: importing locust patches the standard library for gevent.
    check = (
        "from bench.loadtest.locustfile import LoadUser; "
        "assert [task.__name__ for task in LoadUser.tasks] == ['next_step']"
    )
    subprocess.run([sys.executable, "-c", check], cwd=ROOT, check=True)
