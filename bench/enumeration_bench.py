"""Do sign-up, resend and reset take the same time whether or not the address has an account?

Run from the repository root: ``.venv/bin/python bench/enumeration_bench.py [rounds]``.
Through Django's test client, with the production Argon2id hasher, a fresh SQLite database
(or ``DATABASE_URL``) and real SMTP to an in-process server. The cases of each endpoint are
interleaved so they meet the same machine conditions, and each request starts once the
previous one's email is delivered (the in-process mail server shares the interpreter).
Prints the median of each case and the largest gap between the medians of one endpoint;
exits non-zero above 5 ms.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from accounts import emails  # noqa: E402
from accounts.conf import AccountsSettings  # noqa: E402
from accounts.models import User  # noqa: E402
from tests.mail import SmtpSink  # noqa: E402

MAX_GAP_MS = 5.0
PASSWORD = "a long and unusual passphrase"


def post(client: Client, path: str, body: dict[str, Any]) -> float:
    start = time.perf_counter()
    response = client.post(path, body, content_type="application/json")
    elapsed = time.perf_counter() - start
    assert response.status_code in (201, 202), response.content
    return elapsed * 1000


def cases(number: int) -> dict[str, dict[str, tuple[str, dict[str, Any]]]]:
    """Per endpoint, each case's request for round `number`."""
    register = "/api/auth/register/"
    new = {"username": f"new{number}", "email": f"new{number}@example.com", "password": PASSWORD}
    taken = {"username": f"dup{number}", "email": "verified@example.com", "password": PASSWORD}
    by_state = {
        "account": "verified@example.com",
        "unverified": "unverified@example.com",
        "no account": f"nobody{number}@example.com",
    }
    return {
        "register": {"new address": (register, new), "taken address": (register, taken)},
        "resend": {
            state: ("/api/auth/register/resend-email/", {"email": email})
            for state, email in by_state.items()
        },
        "reset": {
            state: ("/api/auth/password/reset/", {"email": email})
            for state, email in by_state.items()
        },
    }


def measure(rounds: int) -> dict[str, dict[str, list[float]]]:
    client = Client(HTTP_HOST="127.0.0.1")
    timings: dict[str, dict[str, list[float]]] = {}
    for number in range(-3, rounds):  # three warm-up rounds
        for endpoint, requests in cases(number).items():
            for case, (path, body) in requests.items():
                elapsed = post(client, path, body)
                # Untimed: the previous message's delivery must not slow the next request.
                emails.wait_for_delivery()
                if number >= 0:
                    timings.setdefault(endpoint, {}).setdefault(case, []).append(elapsed)
    return timings


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    call_command("migrate", verbosity=0)
    sink = SmtpSink().start()
    mail = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": sink.port,
    }
    hashers = ["accounts.hashers.OWASPArgon2idPasswordHasher"]
    floor = vars(AccountsSettings)["UNIFORM_ANSWER_DURATION"].default
    production = {**settings.ACCOUNTS, "UNIFORM_ANSWER_DURATION": floor}
    try:
        with override_settings(PASSWORD_HASHERS=hashers, ACCOUNTS=production, **mail):
            User.objects.create_user("verified", "verified@example.com", PASSWORD)
            User.objects.create_user(
                "unverified", "unverified@example.com", PASSWORD, email_verified=False
            )
            timings = measure(rounds)
    finally:
        emails.wait_for_delivery()
        sink.stop()
    print(f"{rounds} rounds, {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
    worst = 0.0
    for endpoint, by_case in timings.items():
        medians = {case: statistics.median(values) for case, values in by_case.items()}
        gap = max(medians.values()) - min(medians.values())
        worst = max(worst, gap)
        shown = ", ".join(f"{case} {median:.1f} ms" for case, median in medians.items())
        print(f"{endpoint:9} {shown}; gap {gap:.2f} ms")
    print(f"largest gap between medians: {worst:.2f} ms (goal: at most {MAX_GAP_MS} ms)")
    return 0 if worst <= MAX_GAP_MS else 1


if __name__ == "__main__":
    sys.exit(main())
