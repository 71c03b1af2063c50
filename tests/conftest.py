import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    SecretariatUserFactory,
    UserFactory,
)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Each request closes its database connection when it ends. The live server of the
    browser tests answers in threads that a browser's kept-alive connection can keep
    running; with persistent connections (CONN_MAX_AGE) such a thread could still hold one
    when the test database is dropped, and the drop would fail.

    On PostgreSQL a commit does not wait for the disk (``synchronous_commit=off``, for the
    test connections only): the browser tests and those that need transactions commit
    often, and a test database need not survive a crash."""
    database = django_settings.DATABASES["default"]
    database["CONN_MAX_AGE"] = 0
    if database["ENGINE"].endswith("postgresql"):
        options = database.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c synchronous_commit=off".strip()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, and, on PostgreSQL, before it is dropped: the end of any other
    session still connected to it. A live-server thread still answering a browser when the
    last test ended could hold one, and the drop then failed ("being accessed by other
    users"), once in five runs."""
    yield
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """PBKDF2 is slow on purpose; hashing every factory user with it made the suite take
    13 minutes. Tests check what passwords do, not how strongly they are hashed."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (pages cache roll-ups and PDFs)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _report_storage(settings, tmp_path):
    """Meeting-report PDFs go to a directory of the test's own."""
    settings.STORAGES = {
        **settings.STORAGES,
        "reports": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "reports")},
        },
    }


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    """Tests speak English unless they ask for Japanese; the site's default is Japanese."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def organization(db):
    return OrganizationFactory()


@pytest.fixture
def other_organization(db):
    return OrganizationFactory()


@pytest.fixture
def editor(organization):
    return MembershipFactory(organization=organization, role="editor").user


@pytest.fixture
def viewer(organization):
    return MembershipFactory(organization=organization, role="viewer").user


@pytest.fixture
def outsider(other_organization):
    """An editor of another organization."""
    return MembershipFactory(organization=other_organization, role="editor").user


@pytest.fixture
def secretariat(db):
    return SecretariatUserFactory()


@pytest.fixture
def plain_user(db):
    """Signed in, member of no organization: a network participant."""
    return UserFactory()


@pytest.fixture
def public_dashboard(settings):
    settings.GRFNET_PUBLIC_DASHBOARD = True


@pytest.fixture(autouse=True)
def _evidence_storage(settings, tmp_path):
    """Evidence files and import files a test uploads go to its own temporary folder, never
    into media/."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "evidence")},
        },
        "import_export": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "imports")},
        },
    }
