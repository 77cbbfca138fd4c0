"""`make bench`: every speed figure of the project in one run, as one table.

Run from the repository root: `.venv/bin/python bench/run.py`. It builds a throw-away SQLite
database with one user, then measures, each side by side in the same run:

- throughput of our production server (`deploy/serve.sh`, 1 worker) against the course's
  Express server (`bench/peers/express`), with wrk, in alternating rounds;
- the production server's choice: Granian against gunicorn on the same view;
- the resident memory of our worker before and after 100,000 requests;
- authentication's cost per request and the auth tax, in-process, against a free authenticator;
- a whole login against the password hasher's own verify of the same hash, and the login's
  own work: beside its verify, and with the hasher made free;
- bulk random users against naive Faker (`bench/randomuser_bench.py`).

Every round is printed, the table shows medians, and the exit status is 1 when a goal is missed.
`BENCH_ROUNDS` and `BENCH_SECONDS` change the rounds of wrk and their length.
"""

import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "6"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "4"))
MEMORY_REQUESTS = int(os.environ.get("BENCH_MEMORY_REQUESTS", "100000"))
USERNAME, PASSWORD = "bench", secrets.token_urlsafe(16)


@dataclass(frozen=True)
class Row:
    measure: str
    ours: str
    baseline: str
    ratio: float | None
    goal: str
    met: bool


def environment(workdir: Path) -> dict[str, str]:
    """The production settings (debug off) on a throw-away database, with one user."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="jwtsite.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        JWT_SIGNING_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        # Production start-up requires a mail server; the benchmark sends no mail.
        EMAIL_URL="dummymail://",
        # One access token lasts the whole run (about ten minutes).
        JWT_ACCESS_TOKEN_LIFETIME="3600",
        # Limits stay on (every request counts against them) but never refuse the benchmark.
        RANDOMUSER_USERS_PER_5_MINUTES=str(10**12),
        AUTH_LOGIN_RATE_PER_IP="100000/min",
        AUTH_LOGIN_RATE_PER_ACCOUNT="100000/min",
        VENV_BIN=str(Path(sys.executable).parent),
    )
    return env


def prepare_database(env: dict[str, str]) -> None:
    manage = [sys.executable, "manage.py"]
    subprocess.run(
        [*manage, "migrate", "--no-input"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    create = (
        "from django.contrib.auth import get_user_model; get_user_model().objects.create_user("
        f"username={USERNAME!r}, email='bench@example.com', password={PASSWORD!r}, "
        "first_name='Bench', last_name='Mark')"
    )
    subprocess.run(
        [*manage, "shell", "-c", create], cwd=ROOT, env=env, check=True, capture_output=True
    )


def mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def print_rounds(title: str, runs: list[Any], names: tuple[str, str]) -> list[float]:
    """Print every round of a side-by-side comparison; return the per-round ratios."""
    print(f"  {title}")
    ratios = []
    for number, (mine, theirs) in enumerate(runs, 1):
        ratios.append(mine.rate / theirs.rate)
        print(
            f"    round {number}: {names[0]} {mine.rate:8.0f} req/s, {names[1]} "
            f"{theirs.rate:8.0f} req/s, ratio {ratios[-1]:.2f}"
        )
    return ratios


def throughput_rows(env: dict[str, str]) -> list[Row]:
    from bench import throughput

    throughput.ensure_tools()
    ours = throughput.our_server(env).start("/api/auth/me/")
    peer = throughput.peer_server().start("/me")
    try:
        return compare_servers(env, ours, peer)
    finally:
        ours.stop()
        peer.stop()


def tokens(ours: Any, peer: Any) -> tuple[str, str]:
    from bench.throughput import http_json

    status, mine = http_json(
        ours.url + "/api/auth/login/", {"username": USERNAME, "password": PASSWORD}
    )
    assert status == 200, f"our login answered {status}"
    status, theirs = http_json(peer.url + "/login", {"username": "kentcdodds", "password": "p"})
    assert status == 200, f"the peer's login answered {status}"
    return mine["access"], theirs["token"]  # type: ignore[index]


PAIRS = (
    ("GET /random-user", "/random-user", "/random-user"),
    ("GET /api/random-user/", "/api/random-user/", "/random-user"),
    ("GET /api/auth/me/", "/api/auth/me/", "/me"),
)


def compare_servers(env: Any, ours: Any, peer: Any) -> list[Row]:
    from bench.throughput import alternate, wrk

    mine, theirs = tokens(ours, peer)
    for _, path, peer_path in PAIRS:  # Warm up both.
        wrk(ours.url + path, mine, 2)
        wrk(peer.url + peer_path, theirs, 2)
    rss_before = ours.worker_rss()
    rows, served = [], 0
    print(
        f"\nThroughput: wrk -t1 -c8 -d{SECONDS:g}s, {ROUNDS} alternating rounds, one process each"
    )
    for measure, path, peer_path in PAIRS:
        runs = alternate((ours.url + path, mine), (peer.url + peer_path, theirs), ROUNDS, SECONDS)
        served += sum(run.requests for run, _ in runs)
        ratios = print_rounds(f"{measure} (peer: GET {peer_path})", runs, ("ours", "Express"))
        rows.append(throughput_row(f"{measure}, req/s, vs Express", runs, ratios))
    rows.append(server_choice_row(env, ours, mine))
    while served < MEMORY_REQUESTS:
        served += wrk(ours.url + "/api/random-user/", mine, 10).requests
    rss_after = ours.worker_rss()
    print(
        f"\nMemory: worker RSS {mib(rss_before)} after warm-up,"
        f" {mib(rss_after)} after {served} more requests"
    )
    rows.append(
        Row(
            f"worker RSS before / after {served:,} requests",
            mib(rss_after),
            mib(rss_before),
            rss_after / rss_before,
            "<= 1.10",
            rss_after <= 1.10 * rss_before,
        )
    )
    return rows


def throughput_row(measure: str, runs: list[Any], ratios: list[float]) -> Row:
    ours = statistics.median(run.rate for run, _ in runs)
    theirs = statistics.median(run.rate for _, run in runs)
    ratio = statistics.median(ratios)
    return Row(measure, f"{ours:.0f}", f"{theirs:.0f}", ratio, ">= 1.00", ratio >= 1.0)


def server_choice_row(env: Any, granian: Any, token: str) -> Row:
    from bench.throughput import alternate, our_server, wrk

    # Without a shared cache the app refuses a second server process on one database
    # (`accounts.processes`): the runner-up serves a copy of it.
    database = env["DATABASE_URL"].removeprefix("sqlite:///")
    shutil.copyfile(database, f"{database}-gunicorn")
    runner_up = {**env, "DATABASE_URL": f"sqlite:///{database}-gunicorn"}
    gunicorn = our_server(runner_up, "gunicorn").start("/api/auth/me/")
    try:
        wrk(gunicorn.url + "/random-user", token, 2)
        runs = alternate(
            (granian.url + "/random-user", token),
            (gunicorn.url + "/random-user", token),
            ROUNDS,
            SECONDS,
        )
    finally:
        gunicorn.stop()
    ratios = print_rounds(
        "GET /random-user, Granian vs gunicorn (1 worker each)", runs, ("granian", "gunicorn")
    )
    row = throughput_row("production server: Granian vs gunicorn, req/s", runs, ratios)
    return row


def inprocess_rows() -> list[Row]:
    import logging

    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from bench import inprocess

    # The security log's lines are still formatted and written, just not onto the table.
    for handler in logging.getLogger("accounts").handlers:
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(open(os.devnull, "w"))  # noqa: SIM115
    token = inprocess.login(USERNAME, PASSWORD)["access"]
    user = get_user_model()._default_manager.get(username=USERNAME)
    return authentication_rows(inprocess, token, user) + login_rows(inprocess)


def authentication_rows(inprocess: Any, token: str, user: Any) -> list[Row]:
    path = "/api/random-user/"
    figures = inprocess.authentication(path, token, user, ROUNDS * 2, 300)
    jwt_times, free_times = figures["jwt"], figures["free"]
    print(f"\nAuthentication, in-process through Django's handler, GET {path}, CPU µs a request")
    for number, (jwt, free) in enumerate(zip(jwt_times, free_times, strict=True), 1):
        print(
            f"  round {number}: JWT {jwt * 1e6:7.1f}, free authenticator {free * 1e6:7.1f},"
            f" difference {(jwt - free) * 1e6:6.1f}"
        )
    cost = statistics.median(j - f for j, f in zip(jwt_times, free_times, strict=True))
    tax = inprocess.median_ratio(free_times, jwt_times)
    jwt, free = statistics.median(jwt_times), statistics.median(free_times)
    queries = figures["queries"]
    return [
        Row(
            "authentication, CPU µs a request",
            f"{cost * 1e6:.1f}",
            "0 (free)",
            None,
            "<= 50 µs",
            cost <= 50e-6,
        ),
        Row("SQL queries per authenticated request", str(queries), "0", None, "0", queries == 0),
        Row(
            "auth tax: req/s with JWT / free authenticator",
            f"{1 / jwt:.0f}",
            f"{1 / free:.0f}",
            tax,
            ">= 0.90",
            tax >= 0.90,
        ),
    ]


def login_rows(inprocess: Any) -> list[Row]:
    login = inprocess.login_against_hasher(USERNAME, PASSWORD, ROUNDS * 3)
    print("\nLogin (POST /api/auth/login/, in-process) vs the hasher's verify of the hash, CPU ms")
    rounds = zip(login["login"], login["hasher"], login["inside"], login["free"], strict=True)
    for number, (whole, hasher, inside, free) in enumerate(rounds, 1):
        print(
            f"  pair {number}: login {whole * 1e3:6.2f}, hasher {hasher * 1e3:6.2f},"
            f" ratio {whole / hasher:.3f}; the login's own work {(whole - inside) * 1e3:.2f}"
            f" beside its verify, {free * 1e3:.2f} with the hasher made free"
        )
    own = [whole - inside for whole, inside in zip(login["login"], login["inside"], strict=True)]
    print(
        f"  the login's own work, median: {statistics.median(own) * 1e3:.2f} ms beside its"
        f" verify, {statistics.median(login['free']) * 1e3:.2f} ms with the hasher made free;"
        f" the goal leaves it {statistics.median(login['hasher']) * 0.05 * 1e3:.2f} ms"
    )
    overhead = inprocess.median_ratio(login["login"], login["hasher"])
    return [
        Row(
            "login / hasher verify, CPU ms",
            f"{statistics.median(login['login']) * 1e3:.2f}",
            f"{statistics.median(login['hasher']) * 1e3:.2f}",
            overhead,
            "<= 1.05",
            overhead <= 1.05,
        ),
    ]


def figure(pattern: str, text: str) -> str:
    """Return the first group of `pattern` in the benchmark's output; fail if it is missing."""
    found = re.search(pattern, text)
    if found is None:
        raise SystemExit(f"The random-user benchmark printed no {pattern!r}:\n{text}")
    return found.group(1)


def randomuser_rows() -> list[Row]:
    print("\nBulk random users (bench/randomuser_bench.py)")
    result = subprocess.run(
        [sys.executable, "bench/randomuser_bench.py"], cwd=ROOT, capture_output=True, text=True
    )
    print("  " + result.stdout.strip().replace("\n", "\n  "))
    view = float(figure(r"view, server time.*CPU ([\d.]+) s", result.stdout))
    naive = float(figure(r"naive, one Faker.*CPU ([\d.]+) s", result.stdout))
    return [
        Row(
            "bulk users (results=5000): naive Faker / ours, CPU s",
            f"{view:.3f}",
            f"{naive:.3f}",
            naive / view,
            ">= 8",
            naive / view >= 8,
        ),
        Row(
            "bulk users: its other goals (time, bounded memory)",
            "",
            "",
            None,
            "all met",
            result.returncode == 0,
        ),
    ]


def machine(node: bool = True) -> str:
    """The machine in one line: CPUs, kernel, Python (and Node), load average."""
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.machine(),
    )
    versions = f"Python {platform.python_version()}"
    if node:
        command = ["node", "--version"]
        versions += (
            f", Node {subprocess.run(command, capture_output=True, text=True).stdout.strip()}"
        )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs ({model}), {platform.system()} {platform.release()}, "
        f"{versions}, load average {load}"
    )


def print_table(rows: list[Row]) -> None:
    print("\n| measure | ours | baseline or peer | ratio | goal | met |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else ""
        met = "yes" if row.met else "**NO**"
        print(f"| {row.measure} | {row.ours} | {row.baseline} | {ratio} | {row.goal} | {met} |")


HOW = """How it was run (make bench = .venv/bin/python bench/run.py):
  ours:  deploy/serve.sh PORT 1 (Granian, 1 worker, debug off, SQLite in WAL, local-memory
         cache), a throw-away database with one user logged in once
  peer:  node bench/peers/express/server.js (express 5.3.0, express-jwt 8.5.1,
         jsonwebtoken 9.0.3, faker 5.5.3; npm ci from its package-lock.json)
  load:  wrk -t1 -c8 -d{seconds}s -H 'Authorization: Bearer <token>' URL, {rounds} rounds,
         alternating which server goes first; the ratio is the median of the rounds' ratios
  in-process figures: CPU time through Django's WSGI handler, the two ways alternating
                      request by request"""


def main() -> int:
    print(f"Machine: {machine()}")
    print(HOW.format(seconds=f"{SECONDS:g}", rounds=ROUNDS))
    with tempfile.TemporaryDirectory(prefix="jwtsite-bench-") as workdir:
        env = environment(Path(workdir))
        prepare_database(env)
        os.environ.update(env)
        rows = inprocess_rows()
        rows += throughput_rows(env)
    rows += randomuser_rows()
    print(f"\nMachine at the end: {machine()}")
    print_table(rows)
    return 0 if all(row.met for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
