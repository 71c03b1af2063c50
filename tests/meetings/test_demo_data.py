"""generate_demo_data: the sizes asked for, labelled data, the domain's rules, and no
accident on a database that holds real data."""

import io

import pytest
from django.core.management import CommandError, call_command

from accounts.access import is_secretariat
from meetings.demo_data import SUBMITTED, DemoSize, build_demo_data
from meetings.models import AgendaItem, Meeting
from organizations.models import Organization
from pledges.models import Indicator, IndicatorValue, Pledge, ProgressUpdate
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

SMALL = dict(organizations=12, pledges=60, updates_per_pledge=4, meetings=5)


def _generate(**options):
    out = io.StringIO()
    call_command("generate_demo_data", stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def test_makes_the_sizes_asked_for():
    output = _generate(**SMALL, seed=3)

    assert Organization.objects.count() == 12
    assert Pledge.objects.count() == 60
    assert Meeting.objects.count() == 5
    silent = Pledge.objects.filter(current_stage="none").count()
    assert silent == 3  # one pledge in 20 has not reported yet
    published = ProgressUpdate.objects.published()
    assert published.count() == (60 - silent) * 4
    # One waiting for review on each pledge outside the editor's organization, up to 50.
    assert ProgressUpdate.objects.filter(state="submitted").count() == min(SUBMITTED, 60 - 15)
    assert "Made 60 demo pledges" in output


def test_every_name_says_demo():
    _generate(**SMALL)

    for field in ("name_en", "name_ja"):
        assert not Organization.objects.exclude(**{f"{field}__startswith": "Demo"}).exists()
    for field in ("title_en", "title_ja"):
        assert not Pledge.objects.exclude(**{f"{field}__startswith": "Demo"}).exists()
        assert not Meeting.objects.exclude(**{f"{field}__startswith": "Demo"}).exists()
        assert not AgendaItem.objects.exclude(**{f"{field}__startswith": "Demo"}).exists()
    assert not Organization.objects.exclude(slug__startswith="demo-").exists()


def test_pledges_show_their_latest_published_update():
    _generate(**SMALL)

    for pledge in Pledge.objects.all():
        latest = pledge.updates.published().order_by("-published_at", "-pk").first()
        if latest is None:
            assert (pledge.current_stage, pledge.current_progress) == ("none", None)
            assert pledge.last_published_at is None
        else:
            assert pledge.current_stage == latest.stage
            assert pledge.current_progress == latest.progress
            assert pledge.last_published_at == latest.published_at
    for indicator in Indicator.objects.all():
        value = (
            IndicatorValue.objects.filter(indicator=indicator, update__state="published")
            .order_by("-update__published_at")
            .first()
        )
        assert indicator.actual == (value.value if value else None)


def test_updates_fall_in_the_periods_of_published_meetings():
    _generate(**SMALL)

    first = Meeting.objects.published().order_by("date").first()
    assert Meeting.objects.published().count() == Meeting.objects.count()
    assert Meeting.objects.filter(date__gt=first.date).exists()  # several periods
    earliest = ProgressUpdate.objects.published().order_by("published_at").first()
    # The first period's updates come before the first meeting; later ones in later periods.
    assert earliest.published_at.date() <= first.date
    assert ProgressUpdate.objects.published().filter(published_at__date__gt=first.date).exists()


def test_the_benchmarks_cast_is_there():
    data = build_demo_data(DemoSize(**SMALL))

    assert data.editor_organization.led_pledges.count() == 15  # a quarter of 60, up to 40
    assert data.editor.memberships.get().role == "editor"
    assert is_secretariat(data.secretariat)
    assert not data.editor.has_usable_password()
    assert data.largest_organization.led_pledges.count() == max(
        o.led_pledges.count() for o in Organization.objects.all()
    )
    assert data.pledge_with_most_updates.updates.published().count() == 4
    assert data.latest_meeting.is_past


def test_the_same_seed_makes_the_same_data():
    def snapshot():
        return list(Pledge.objects.order_by("grf_reference").values_list(
            "title_en", "lead_organization__slug", "current_stage", "current_progress"
        ))  # fmt: skip

    _generate(**SMALL, seed=7)
    first = snapshot()
    _generate(**SMALL, seed=7)  # demo data is replaced without --force
    assert snapshot() == first
    _generate(**SMALL, seed=8)
    assert snapshot() != first


def test_refuses_a_database_with_real_data():
    real = OrganizationFactory(name_en="Japan Association for Refugees")

    with pytest.raises(CommandError, match="not demo data"):
        _generate(**SMALL)

    assert Organization.objects.get() == real
    assert not Pledge.objects.exists()


def test_force_replaces_real_data():
    OrganizationFactory(name_en="Japan Association for Refugees")

    _generate(**SMALL, force=True)

    assert not Organization.objects.exclude(name_en__startswith="Demo").exists()
    assert Pledge.objects.count() == 60


@pytest.mark.parametrize("option", ["pledges", "organizations", "meetings"])
def test_refuses_sizes_below_one(option):
    with pytest.raises(CommandError, match=f"--{option}"):
        _generate(**{**SMALL, option: 0})
