"""Production settings are validated at start-up: run Django in a fresh process."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "GRFNET_PRODUCTION": "True",
    "SECRET_KEY": "x9!k2@Lm#Qa7$Zr4^Wp8&Tn3*Yb6(Hc1)Jd5_Fe0+Gv-uS8%Ri2~Ko4",
    "ALLOWED_HOSTS": "grfnet.example.org",
    "DATABASE_URL": "sqlite:////tmp/grfnet-settings-test.sqlite3",
    "EMAIL_URL": "smtp+tls://user:secret@smtp.example.org:587",
    "GRFNET_SITE_URL": "https://grfnet.example.org",
    "DEFAULT_FROM_EMAIL": "grfnet <noreply@grfnet.example.org>",
}


def _manage(*args, **env_overrides):
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a "deployment".
    inherited = set(PRODUCTION_ENV) | {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in inherited}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_mode_without_secret_key_stops_with_a_message_naming_it():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = _manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_mode_with_a_short_secret_key_is_refused():
    result = _manage("check", **{**PRODUCTION_ENV, "SECRET_KEY": "short"})
    assert result.returncode != 0
    assert "SECRET_KEY must be a random string of at least 50 characters" in result.stderr


def test_production_mode_names_every_missing_value():
    result = _manage("check", GRFNET_PRODUCTION="True")
    for name in (
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DATABASE_URL",
        "EMAIL_URL",
        "GRFNET_SITE_URL",
        "DEFAULT_FROM_EMAIL",
    ):
        assert name in result.stderr


def test_complete_production_settings_pass_the_deployment_checks_without_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_development_defaults_need_no_environment():
    result = _manage("check")
    assert result.returncode == 0, result.stderr


def _python(code, **env_overrides):
    inherited = set(PRODUCTION_ENV) | {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "GRFNET_PRODUCTION"}
    env = {k: v for k, v in os.environ.items() if k not in inherited}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_a_server_refuses_the_development_key_unless_debug_is_on():
    refused = _python("import grfnet.wsgi")
    assert refused.returncode != 0
    assert "SECRET_KEY is the public development key and DEBUG is off" in refused.stderr
    assert _python("import grfnet.asgi").returncode != 0
    assert _python("import grfnet.wsgi", DEBUG="True").returncode == 0
    own_key = _python("import grfnet.wsgi", SECRET_KEY=PRODUCTION_ENV["SECRET_KEY"])
    assert own_key.returncode == 0, own_key.stderr


def test_production_language_cookie_is_secure_and_same_site():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_SAMESITE, s.LANGUAGE_COOKIE_HTTPONLY)"
    )
    result = _python(code, DJANGO_SETTINGS_MODULE="grfnet.settings", **PRODUCTION_ENV)
    assert result.stdout.split() == ["True", "Lax", "True"], result.stderr
