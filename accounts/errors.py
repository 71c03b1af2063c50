"""The server-error handler: a database outage is a 503, not a 500.

When the database is down, refuses connections or is too slow (the connect and statement
timeouts in the settings), every page answers 503 with the site's own page and
``Retry-After``, whether the failure happened in a view, a template or a middleware (the
session and user look-ups). Django calls this handler for any uncaught exception, with
the exception still being handled, so it can tell the two apart.
"""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error as django_server_error

# Seconds a client is asked to wait before trying again when the database is unavailable.
RETRY_AFTER_SECONDS = 30


def is_database_outage(exception) -> bool:
    if isinstance(exception, OperationalError | InterfaceError):
        return True
    # PostgreSQL's statement_timeout: "canceling statement due to statement timeout".
    return isinstance(exception, DatabaseError) and "statement timeout" in str(exception)


def database_unavailable_response() -> HttpResponse:
    """The 503 page; rendered without a request context, so it needs no database."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name="500.html"):
    if is_database_outage(sys.exc_info()[1]):
        return database_unavailable_response()
    return django_server_error(request, template_name)
