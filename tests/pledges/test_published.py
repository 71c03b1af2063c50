"""The published data version: publishing and correcting bump it, drafts do not, and so do
the admin's changes to pledges, organizations and meetings; caches are keyed by it."""

import pytest
from django.utils import translation

from pledges import services
from pledges.published import cached, published_state
from tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    OrganizationFactory,
    PledgeFactory,
    ProgressUpdateFactory,
    SecretariatUserFactory,
)

from .update_helpers import payload

pytestmark = pytest.mark.django_db

CONTENT = {k: v for k, v in payload().items() if k != "progress"}


def _version():
    return published_state().version


def test_publishing_and_correcting_change_the_version_drafts_do_not():
    reviewer = SecretariatUserFactory()
    update = ProgressUpdateFactory()
    start = _version()

    update = services.update_edit(update=update, version=update.version, content=CONTENT)
    update = services.update_submit(update=update)
    assert _version() == start  # a draft or a submitted update changes nothing published

    update = services.update_publish(update=update, reviewer=reviewer)
    assert _version() == start + 1

    services.update_correct(
        update=update, version=update.version, content={"achievements": "Corrected."}
    )
    assert _version() == start + 2


def test_returning_does_not_change_the_version():
    update = ProgressUpdateFactory(submitted=True)
    start = _version()

    services.update_return(update=update, reviewer=SecretariatUserFactory(), comment="Why?")

    assert _version() == start


@pytest.mark.parametrize(
    "change",
    [
        lambda: PledgeFactory(),
        lambda: OrganizationFactory(),
        lambda: MeetingFactory(),
        lambda: AgendaItemFactory(),
    ],
    ids=["pledge", "organization", "meeting", "agenda item"],
)
def test_the_admins_changes_change_the_version(change):
    start = _version()
    change()
    assert _version() > start


def test_a_renamed_organization_and_a_new_co_pledger_change_the_version():
    pledge = PledgeFactory()
    partner = OrganizationFactory()
    start = _version()

    pledge.co_organizations.add(partner)
    assert _version() == start + 1
    partner.name_en = "Renamed"
    partner.save()
    assert _version() == start + 2


def test_cached_builds_once_until_the_data_changes():
    builds = []

    def build():
        builds.append(1)
        return len(builds)

    assert cached("figure", build) == 1
    assert cached("figure", build) == 1  # from the cache
    PledgeFactory()
    assert cached("figure", build) == 2  # built again after a change
    assert cached("figure", build, "other part") == 3
    with translation.override("ja"):
        assert cached("figure", build) == 4  # each language has its own
