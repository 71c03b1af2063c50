"""Two people acting on the same update at the same moment (PostgreSQL: real row locks).

SQLite serialises writers, so these run only on PostgreSQL (CI runs both); the sequential
versions of the same rules are in test_services.py and the view tests.
"""

import threading

import pytest
from django.db import connection, connections

from pledges import services
from pledges.models import ProgressUpdate
from tests.factories import ProgressUpdateFactory, SecretariatUserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _race(*actions):
    """Run the actions in threads started together; return what each returned or raised."""
    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def run(i, action):
        try:
            barrier.wait()
            results[i] = action()
        except Exception as error:  # noqa: BLE001 - the outcome is what the test checks
            results[i] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks (set DATABASE_URL to run)")


def test_two_reviewers_publishing_at_once_publish_once():
    update = ProgressUpdateFactory(submitted=True)
    first, second = SecretariatUserFactory(email=""), SecretariatUserFactory(email="")

    results = _race(
        lambda: services.update_publish(
            update=ProgressUpdate.objects.get(pk=update.pk), reviewer=first
        ),
        lambda: services.update_publish(
            update=ProgressUpdate.objects.get(pk=update.pk), reviewer=second
        ),
    )

    published = [r for r in results if isinstance(r, ProgressUpdate)]
    refused = [r for r in results if isinstance(r, services.TransitionNotAllowed)]
    assert (len(published), len(refused)) == (1, 1)
    update.refresh_from_db()
    assert update.reviewer == published[0].reviewer
    assert update.history.filter(state="published").count() == 1


def test_two_editors_saving_the_same_draft_at_once_one_is_refused():
    update = ProgressUpdateFactory(achievements="Original")
    opened = update.version

    results = _race(
        lambda: services.update_edit(
            update=update, version=opened, content={"achievements": "From Aiko"}
        ),
        lambda: services.update_edit(
            update=update, version=opened, content={"achievements": "From Ken"}
        ),
    )

    saved = [r for r in results if isinstance(r, ProgressUpdate)]
    refused = [r for r in results if isinstance(r, services.StaleUpdate)]
    assert (len(saved), len(refused)) == (1, 1)
    update.refresh_from_db()
    assert update.achievements == saved[0].achievements
    assert update.version == opened + 1
