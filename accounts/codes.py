"""The stable snake_case `code` of every error the API answers with.

Clients branch on these, never on the `detail` text, so a code never changes once
released. The README's table of error codes lists exactly these (a test compares them).
DRF's own codes (`not_authenticated`, `throttled`, …) pass through unchanged.
"""

# 400
INVALID = "invalid"  # A field or parameter failed validation; `errors` says which.
PARSE_ERROR = "parse_error"
JSON_TOO_DEEP = "json_too_deep"
BAD_REQUEST = "bad_request"  # A bad Content-Length or charset, a Host not allowed.
WRONG_PASSWORD = "wrong_password"
PASSWORD_INVALID = "password_invalid"  # Django's password validators refused it.
USERNAME_TAKEN = "username_taken"
EMAIL_TAKEN = "email_taken"
EMAIL_UNCHANGED = "email_unchanged"
KEY_INVALID = "key_invalid"  # An emailed verification or email-change key.
KEY_EXPIRED = "key_expired"
KEY_USED = "key_used"
RESET_TOKEN_INVALID = "reset_token_invalid"
# 401
NOT_AUTHENTICATED = "not_authenticated"
INVALID_CREDENTIALS = "invalid_credentials"
TOKEN_NOT_VALID = "token_not_valid"
TOKEN_REVOKED = "token_revoked"
USER_NOT_FOUND = "user_not_found"
USER_INACTIVE = "user_inactive"
SESSION_INVALID = "session_invalid"
SESSION_NOT_FOUND = "session_not_found"
SESSION_REVOKED = "session_revoked"
SESSION_EXPIRED = "session_expired"
REFRESH_TOKEN_REUSED = "refresh_token_reused"
REFRESH_COOKIE_MISSING = "refresh_cookie_missing"
# 403, 404, 405, 406, 409, 413, 415, 429 (and `quota_exceeded` from `randomuser`)
CSRF_FAILED = "csrf_failed"
EMAIL_NOT_VERIFIED = "email_not_verified"
REGISTRATION_CLOSED = "registration_closed"
PERMISSION_DENIED = "permission_denied"
NOT_FOUND = "not_found"
METHOD_NOT_ALLOWED = "method_not_allowed"
NOT_ACCEPTABLE = "not_acceptable"
REFRESH_SUPERSEDED = "refresh_superseded"  # 409: a late tab's refresh; retry.
REQUEST_TOO_LARGE = "request_too_large"
UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
THROTTLED = "throttled"
# 500, 503
SERVER_ERROR = "server_error"  # A bug: the traceback is in the log.
SERVICE_UNAVAILABLE = "service_unavailable"  # The database is unreachable; retry.

ALL = frozenset(value for name, value in dict(globals()).items() if name.isupper())
