"""Domain errors of the randomuser services; the views turn them into DRF exceptions."""


class QuotaExceeded(Exception):
    """The user asked for more users than their quota allows in the current window."""

    code = "quota_exceeded"

    def __init__(self, *, limit: int, retry_after: int) -> None:
        super().__init__(f"Quota of {limit} users per 5 minutes exceeded.")
        self.limit = limit
        self.retry_after = retry_after
