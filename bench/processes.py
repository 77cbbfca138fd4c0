"""Processes seen through `/proc` (Linux): children, command lines, resident memory."""

from pathlib import Path


def children(pid: int) -> list[int]:
    """The ids of `pid`'s child processes."""
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def command_line(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/cmdline").read_text().rstrip("\0").split("\0")


def resident_memory(pid: int) -> int:
    """The resident memory (RSS) of process `pid`, in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for process {pid}")
