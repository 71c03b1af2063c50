"""`make run` says where people sign in, and the development console stays readable."""

import logging
import shutil
import subprocess
from pathlib import Path

import pytest

from grfnet.logging_filters import QuietStaticRequests

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not shutil.which("make"), reason="make is not installed")
def test_make_run_says_where_editors_and_the_secretariat_sign_in():
    commands = subprocess.run(
        ["make", "-n", "run", "HOST=127.0.0.1:8000"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "sign in at http://127.0.0.1:8000/accounts/login/" in commands
    assert "http://127.0.0.1:8000/admin/" in commands
    assert "--verbosity 0" in commands  # no screen of "Applying ..." lines


def _record(line, status):
    return logging.LogRecord(
        "django.server", logging.INFO, __file__, 1, '"%s" %s %s', (line, str(status), "10"), None
    )


@pytest.mark.parametrize(
    ("line", "status", "shown"),
    [
        ("GET /static/css/grfnet.css HTTP/1.1", 200, False),
        ("GET /static/css/grfnet.css HTTP/1.1", 304, False),
        ("GET /static/css/missing.css HTTP/1.1", 404, True),
        ("GET /pledges/ HTTP/1.1", 200, True),
        ("POST /accounts/login/ HTTP/1.1", 302, True),
    ],
)
def test_console_leaves_out_static_files_served_fine(line, status, shown):
    record = _record(line, status)
    record.status_code = status
    assert QuietStaticRequests().filter(record) is shown


def test_django_messages_are_printed_once(settings):
    # Django's own console handler plus the root's printed each line twice.
    django_logger = settings.LOGGING["loggers"]["django"]
    assert django_logger["handlers"] == ["console"]
    assert django_logger["propagate"] is False
