"""A database that is down or does not answer gives the site's 503 page with Retry-After,
quickly, instead of a 500 or a request hanging for a minute."""

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import OperationalError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_a_database_error_during_the_session_lookup_is_a_503(client, secretariat, monkeypatch):
    from django.contrib.sessions.backends.db import SessionStore

    client.force_login(secretariat)

    def down(self):
        raise OperationalError("connection refused")

    monkeypatch.setattr(SessionStore, "load", down)
    client.raise_request_exception = False
    response = client.get("/my/", HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "一時的にご利用いただけません" in response.content.decode()


def test_other_errors_stay_500(rf):
    from accounts.errors import server_error

    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert not response.has_header("Retry-After")


def _silent_server():
    """A TCP server that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted = []

    def serve():
        while True:
            try:
                accepted.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=serve, daemon=True).start()
    return server, accepted


def test_a_database_that_never_answers_gives_a_503_within_seconds():
    server, accepted = _silent_server()
    port = server.getsockname()[1]
    code = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "c = Client(raise_request_exception=False)\n"
        "c.cookies['sessionid'] = 'abcdefghijklmnopqrstuvwxyz012345'\n"
        "r = c.get('/my/')\n"
        "print(r.status_code, r.get('Retry-After'))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="grfnet.settings",
        DATABASE_URL=f"postgres://nobody:secret@127.0.0.1:{port}/grfnet",
        DATABASE_CONNECT_TIMEOUT="2",
        ALLOWED_HOSTS="testserver",
    )
    started = time.monotonic()
    try:
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        server.close()
    assert result.stdout.split() == ["503", "30"], result.stderr[-2000:]
    assert time.monotonic() - started < 20
    assert accepted  # the app did try the silent server
