"""`make loadtest`: mixed traffic from 64 users through nginx; one app server killed mid-run.

Run from the repository root, with `DATABASE_URL` (PostgreSQL: a database of its own, the run
replaces its `loadtest-*` accounts there), nginx and redis-server installed, as for
`make cluster`: `.venv/bin/python bench/loadtest/run.py`. It

1. starts `deploy/cluster.sh` on free ports (nginx, three app servers) on a redis-server of
   its own (`tests/cluster/cluster.py`, as the cluster suite: the run's limits start from
   zero and no other Redis is touched), with the app trusting two proxies: locust plays a
   load balancer in front of nginx and names each virtual user's own address in
   `X-Forwarded-For`, so the production limits apply per user, unchanged;
2. creates each user's two accounts and runs the users of `locustfile.py` (`plan.py` says
   what they send) with locust for `plan.DURATION_SECONDS`, killing one app server's process
   group with SIGKILL at `plan.KILL_AT_SECONDS`;
3. refreshes every kept session once more through nginx;
4. prints the requests, p50 and p99, the errors by status, every failure relative to the
   kill, what nginx and the servers logged, and the resident memory of each nginx and
   Granian process at the start and the end.

The exit status is 1 when a request failed in a way the kill does not excuse (`report.py`)
or a session from before the kill did not refresh.
"""

import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from locust import __version__ as locust_version  # noqa: E402
from locust.contrib.fasthttp import FastHttpSession  # noqa: E402
from locust.env import Environment  # noqa: E402

from bench.loadtest import plan, report  # noqa: E402
from bench.loadtest.locustfile import ROSTER, LoadUser  # noqa: E402
from bench.processes import children, command_line, resident_memory  # noqa: E402
from bench.run import machine  # noqa: E402
from tests.cluster.cluster import Cluster, running_cluster  # noqa: E402
from tests.servers import port_open  # noqa: E402

ACCOUNTS = """
from django.contrib.auth.hashers import make_password
from accounts.models import User
User.objects.filter(username__startswith="loadtest-").delete()
password = make_password({password!r})
User.objects.bulk_create(User(username=name, password=password) for name in {names!r})
"""


def database_url() -> str:
    """The caller's PostgreSQL, as for `make cluster`."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("set DATABASE_URL=postgres://... (a database of its own), as for make cluster")
    return url


def create_accounts(env: dict[str, str]) -> None:
    """Fill `ROSTER` for a new run and create its accounts, all with one password."""
    ROSTER.run, ROSTER.password = secrets.token_hex(3), secrets.token_urlsafe(16)
    ROSTER.address_offset = secrets.randbelow(plan.ADDRESSES)
    names = [name for n in range(plan.USERS) for name in plan.account_names(ROSTER.run, n)]
    script = ACCOUNTS.format(password=ROSTER.password, names=names)
    command = [sys.executable, "manage.py", "shell", "-c", script]
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)


def cluster_processes(cluster: Cluster) -> list[tuple[str, int]]:
    """Name every nginx and Granian process of the cluster, with its id."""
    assert cluster.process is not None
    found = []
    for pid in children(cluster.process.pid):
        command = command_line(pid)
        if "nginx" in command[0]:
            main, worker = "nginx master", "nginx worker"
        elif any("granian" in part for part in command):
            port = int(command[command.index("--port") + 1])
            server = f"app server {port - cluster.app_port + 1} (:{port})"
            main, worker = f"{server} granian main", f"{server} granian worker"
        else:
            continue
        found += [(main, pid)] + [(worker, child) for child in children(pid)]
    return sorted(found)


def memory(processes: list[tuple[str, int]]) -> dict[int, int | None]:
    sizes: dict[int, int | None] = {}
    for _, pid in processes:
        try:
            sizes[pid] = resident_memory(pid)
        except (FileNotFoundError, ProcessLookupError, RuntimeError):  # gone, or a zombie
            sizes[pid] = None
    return sizes


def print_memory(processes: list[tuple[str, int]], start: dict[int, int | None]) -> None:
    end = memory(processes)
    print(f"\nResident memory (RSS):\n  {'process':<42} {'pid':>7} {'start':>10} {'end':>10}")
    for name, pid in processes:
        sizes = [size and f"{size / 2**20:.1f} MiB" for size in (start[pid], end[pid])]
        print(f"  {name:<42} {pid:>7} {sizes[0] or 'gone':>10} {sizes[1] or 'killed':>10}")


def kill_server(pid: int, port: int) -> report.Kill:
    """SIGKILL the process group of app server `pid`; return once its `port` refuses."""
    at = time.time()
    os.killpg(pid, signal.SIGKILL)
    deadline = at + 10
    while port_open(port):
        if time.time() > deadline:
            raise RuntimeError(f"app server :{port} still accepts connections 10 s after SIGKILL")
        time.sleep(0.001)
    return report.Kill(at, time.time())


def run_users(
    host: str, victim: tuple[int, int]
) -> tuple[list[report.Record], report.Kill, float, float]:
    """Run the users; kill app server `victim` (pid, port) on time. Return what was measured."""
    records: list[report.Record] = []
    environment = Environment(user_classes=[LoadUser], host=host, stop_timeout=10)

    @environment.events.request.add_listener
    def record(
        name: str, start_time: float, response_time: float, response: object, **_: object
    ) -> None:
        status = getattr(response, "status_code", 0) or 0
        records.append(report.Record(name, start_time, response_time / 1000, status))

    runner = environment.create_local_runner()
    start = time.time()
    runner.start(plan.USERS, spawn_rate=plan.USERS)
    time.sleep(plan.KILL_AT_SECONDS)
    kill = kill_server(*victim)
    time.sleep(plan.DURATION_SECONDS - plan.KILL_AT_SECONDS)
    end = time.time()
    runner.quit()
    if runner.cpu_warning_emitted:
        print("!! locust's own CPU use reached its limit: the figures understate the servers")
    return records, kill, start, end


def verify_sessions(host: str, kill: report.Kill) -> list[str]:
    """Refresh every kept session once more through nginx; return the failures.

    A session lost to the kill (its refresh's answer died with the server) is not refreshed;
    it is a failure unless it was lost just after the kill.
    """
    client = FastHttpSession(host, Environment().events.request, user=None)
    problems, outcomes = [], Counter[tuple[bool, str]]()
    for kept in ROSTER.sessions:
        before = kept.created_at < kill.at
        if kept.lost_at is not None:
            outcomes[before, "lost"] += 1
            if not kill.at <= kept.lost_at <= kill.at + report.RETRY_AFTER_KILL_SECONDS:
                problems.append(f"    {kept.username}: lost {kept.lost_at - kill.at:+.3f} s")
            continue
        body, headers = {"refresh": kept.refresh}, {"X-Forwarded-For": kept.address}
        status = client.post("/api/auth/refresh/", json=body, headers=headers).status_code
        outcomes[before, str(status)] += 1
        if status != 200:
            problems.append(f"    {kept.username}: refresh answered {status}")
    for before, when in ((True, "before"), (False, "after")):
        found = {outcome: n for (first, outcome), n in sorted(outcomes.items()) if first is before}
        print(f"  kept sessions created {when} the kill: {found or 'none'}")
    return problems


def main() -> int:
    victim_number = plan.KILLED_SERVER + 1
    print(f"Machine: {machine(node=False)}")
    print(
        f"Load: locust {locust_version} (FastHttpUser), {plan.USERS} users for"
        f" {plan.DURATION_SECONDS:.0f} s, each at most {plan.TASKS_PER_SECOND:g} requests a"
        f" second, through nginx to 3 app servers (deploy/cluster.sh); app server"
        f" {victim_number} killed with SIGKILL"
        f" at {plan.KILL_AT_SECONDS:.0f} s"
    )
    # Production settings; no mail is sent. locust plays a load balancer in front of nginx.
    settings = {"EMAIL_URL": "dummymail://", "CLUSTER_TRUSTED_PROXIES": "2"}
    with tempfile.TemporaryDirectory(prefix="jwtsite-loadtest-") as directory:
        log = Path(directory) / "cluster.log"
        with running_cluster(database_url(), log, **settings) as cluster:
            print(f"Redis: a redis-server of the run's own ({cluster.redis.url})")
            create_accounts(cluster.env)
            processes = cluster_processes(cluster)
            start_memory = memory(processes)
            port = cluster.app_port + plan.KILLED_SERVER
            victim = dict(processes)[f"app server {victim_number} (:{port}) granian main"]
            records, kill, start, end = run_users(cluster.url(""), (victim, port))
            unexcused = report.print_results(records, kill, start, end)
            print("\nEach kept session refreshed once more through nginx (status: sessions):")
            problems = verify_sessions(cluster.url(""), kill)
            if problems:
                print("\n".join(problems[:20]))
            print_memory(processes, start_memory)
        report.print_logs(log)
    passed = not unexcused and not problems
    print(f"\nResult: {'PASS' if passed else 'FAIL'}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
