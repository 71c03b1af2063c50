"""Logging filters for the development console (wired in settings.LOGGING)."""

import logging

QUIET_PREFIXES = ("/static/", "/favicon.ico")


class QuietStaticRequests(logging.Filter):
    """Drop runserver's lines for static files that were served fine: each page loads
    several, and they bury the requests that matter. Errors on them still show."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        request_line = str(record.args[0]) if record.args else ""  # "GET /static/x HTTP/1.1"
        parts = request_line.split(" ")
        path = parts[1] if len(parts) > 1 else ""
        return not (status is not None and status < 400 and path.startswith(QUIET_PREFIXES))
