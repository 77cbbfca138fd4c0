"""Argon2id with the parameters of OWASP's Password Storage Cheat Sheet.

OWASP recommends Argon2id with at least 19 MiB of memory, 2 iterations and 1 degree
of parallelism (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html).
Django's default (100 MiB, t=2, p=8) costs more per guess but five times the server
memory per login, which parallel login attempts can turn into memory exhaustion; we take
OWASP's first recommended setting (raise `memory_cost` on servers with memory to spare,
keeping t and p as OWASP pairs them). The algorithm name stays
`argon2`, so hashes made with other parameters are recognised and re-hashed with these
at the next successful login (`must_update`).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class OWASPArgon2idPasswordHasher(Argon2PasswordHasher):
    """Argon2id, m=19 MiB, t=2, p=1. List it first in PASSWORD_HASHERS."""

    memory_cost = 19 * 1024  # KiB
    time_cost = 2
    parallelism = 1
