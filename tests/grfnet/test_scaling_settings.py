"""Settings for running several app processes: the cache from CACHE_URL, PostgreSQL's JIT
off, psycopg's pool on request. Each case runs Django in a fresh process."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PRINT = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps({'cache': settings.CACHES['default'], "
    "'sessions': settings.SESSION_ENGINE, 'db': settings.DATABASES['default']['OPTIONS'], "
    "'reports': settings.STORAGES['reports']['BACKEND']}))"
)


def _settings(**env) -> dict:
    clean = {k: v for k, v in os.environ.items() if k not in {"CACHE_URL", "DATABASE_URL"}}
    result = subprocess.run(
        [sys.executable, "-c", PRINT],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "grfnet.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_without_cache_url_each_process_caches_in_local_memory():
    found = _settings()
    assert found["cache"]["BACKEND"].endswith("LocMemCache")
    assert found["sessions"] == "django.contrib.sessions.backends.db"
    assert found["reports"] == "django.core.files.storage.FileSystemStorage"


def test_cache_url_shares_the_cache_and_sessions_in_redis():
    found = _settings(CACHE_URL="redis://cache.internal:6379/2")
    assert found["cache"] == {
        "BACKEND": "grfnet.cache.RedisCache",
        "LOCATION": "redis://cache.internal:6379/2",
    }
    assert found["sessions"] == "django.contrib.sessions.backends.cached_db"


def test_postgresql_connections_turn_jit_off_and_may_use_a_pool():
    url = "postgres://u:p@db.internal:5432/grfnet"
    options = _settings(DATABASE_URL=url)["db"]
    assert "-c jit=off" in options["options"]
    # Beside the timeouts that turn a silent database into a quick 503 (tests/security).
    assert "-c statement_timeout=30000" in options["options"]
    assert options["connect_timeout"] == 5
    pooled = _settings(DATABASE_URL=url, DATABASE_POOL_SIZE="8")["db"]
    assert pooled["pool"]["max_size"] == 8


def test_the_report_storage_can_be_an_s3_bucket():
    found = _settings(
        GRFNET_REPORT_STORAGE="storages.backends.s3.S3Storage",
        GRFNET_REPORT_STORAGE_OPTIONS='{"bucket_name": "grfnet-reports"}',
    )
    assert found["reports"] == "storages.backends.s3.S3Storage"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_jit_is_off_on_the_apps_connections():
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_the_redis_cache_reuses_one_client_per_connection_pool():
    from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

    from grfnet.cache import RedisCache

    cache = RedisCache("redis://cache.internal:6379/2", {})
    assert isinstance(cache, DjangoRedisCache)
    client = cache._cache.get_client("key")
    assert cache._cache.get_client("other", write=True) is client
    assert client.connection_pool is cache._cache._get_connection_pool(write=False)
