"""What a load test run measured, and which of its failures the kill excuses.

The kill excuses exactly two kinds of failed request, both tied to the instant `Kill.at`:

- a 5xx (or no answer at all) for a request *in flight* at the kill: not answered before
  `Kill.at`, and sent before `Kill.gone`, when the server's port first refused a
  connection (a killed process takes some milliseconds to die, and until then nginx
  could pass it a request). nginx retries elsewhere what it safely can; a POST the dying
  server had received is not retried;
- a 409 for `refresh (retry)` soon after the kill: the retried refresh's first answer was
  lost with the server after its token had rotated (single-use refresh tokens).

Every other error, at any time, fails the run.
"""

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

RETRY_AFTER_KILL_SECONDS = 5.0
NGINX_PREFIX = re.compile(r"^\S+ \S+ \[(\w+)\] \d+#\d+: (\*\d+ )?")
NGINX_DETAIL = re.compile(r", client: .*?, request: \"(\S+ \S+)[^\"]*\".*")
APP_EVENT = re.compile(r"^\S+ \S+ (\w+ \S+ event=\w+).*")


@dataclass(frozen=True)
class Record:
    """One request: its name, when it was sent (epoch seconds), how long it took, its status."""

    name: str
    start: float
    seconds: float
    status: int

    @property
    def end(self) -> float:
        return self.start + self.seconds


@dataclass(frozen=True)
class Kill:
    """When the app server was sent SIGKILL, and when its port first refused (epoch seconds)."""

    at: float
    gone: float


def server_failed(status: int) -> bool:
    """An answer nginx gives when an app server dies under it, or no answer at all."""
    return status == 0 or status >= 500


def failed(record: Record) -> bool:
    return record.status == 0 or record.status >= 400


def in_flight(record: Record, kill: Kill) -> bool:
    return record.start <= kill.gone and record.end >= kill.at


def excused(record: Record, kill: Kill) -> bool:
    """Whether the kill explains this failed request (the module docstring says when)."""
    if server_failed(record.status):
        return in_flight(record, kill)
    return (
        record.name == "refresh (retry)"
        and record.status == 409
        and kill.at <= record.start <= kill.at + RETRY_AFTER_KILL_SECONDS
    )


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of `values` (not empty)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def statuses(records: list[Record]) -> str:
    counts = Counter(record.status for record in records if failed(record))
    return ", ".join(f"{status}: {count}" for status, count in sorted(counts.items())) or "none"


def traffic_table(records: list[Record]) -> list[str]:
    """One line per request name and one for all: requests, p50, p99, errors by status."""
    by_name: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_name[record.name].append(record)
    lines = [f"  {'request':<20} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8}  errors by status"]
    for name, group in [*sorted(by_name.items()), ("all", records)]:
        times = [record.seconds * 1000 for record in group]
        lines.append(
            f"  {name:<20} {len(group):>8} {percentile(times, 0.5):>8.1f}"
            f" {percentile(times, 0.99):>8.1f}  {statuses(group)}"
        )
    return lines


def rates(records: list[Record], kill: Kill, start: float, end: float) -> list[str]:
    """Requests a second before and after the kill, and in each 10 s of the run."""
    before = sum(1 for record in records if record.start < kill.at)
    buckets = Counter(int((record.start - start) // 10) for record in records)
    timeline = " ".join(f"{buckets[n] / 10:.0f}" for n in range(int((end - start) // 10)))
    return [
        f"  requests a second: {before / (kill.at - start):.0f} before the kill,"
        f" {(len(records) - before) / (end - kill.at):.0f} after; by 10 s: {timeline}"
    ]


def failures(records: list[Record], kill: Kill) -> tuple[list[str], list[str]]:
    """Describe every failed request relative to the kill: (excused ones, the others)."""
    kept: tuple[list[str], list[str]] = ([], [])
    for record in sorted(records, key=lambda record: record.start):
        if failed(record):
            line = (
                f"    {record.status} {record.name}: sent {record.start - kill.at:+.3f} s,"
                f" answered {record.end - kill.at:+.3f} s from the kill"
            )
            kept[0 if excused(record, kill) else 1].append(line)
    return kept


def print_logs(path: Path) -> None:
    """Print what nginx and the app servers logged once serving: each kind once, counted."""
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    _, _, served = path.read_text(errors="replace").partition("\nCluster:")
    for line in served.splitlines()[1:]:
        line = NGINX_DETAIL.sub(r" (\1)", NGINX_PREFIX.sub(r"nginx \1: ", line))
        line = APP_EVENT.sub(r"\1", line)[:150]
        kind = re.sub(r"\d+", "#", line)
        counts[kind] += 1
        first.setdefault(kind, line)
    print(f"\nLogged by nginx and the app servers ({sum(counts.values())} lines, by kind):")
    for kind, count in counts.most_common(12):
        print(f"  {count:>5} × {first[kind]}")


def print_results(records: list[Record], kill: Kill, start: float, end: float) -> list[str]:
    """Print the traffic and the failures; return those the kill does not excuse."""
    print("\nTraffic (every request the users sent, by name):")
    print("\n".join(traffic_table(records)))
    print("\n".join(rates(records, kill, start, end)))
    print(
        f"  the killed server's port refused connections {(kill.gone - kill.at) * 1000:.0f} ms"
        f" after SIGKILL, {kill.at - start:.1f} s into the run"
    )
    excused, unexcused = failures(records, kill)
    print(f"\nFailures the kill excuses ({len(excused)}; see bench/loadtest/report.py):")
    print("\n".join(excused) or "    none")
    print(f"Failures it does not excuse ({len(unexcused)}):")
    print("\n".join(unexcused[:20]) or "    none")
    return unexcused
