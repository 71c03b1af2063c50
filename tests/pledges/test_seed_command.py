import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from meetings.models import Meeting
from organizations.models import Organization
from pledges import services
from pledges.models import Pledge, PledgeSource, ProgressUpdate

pytestmark = pytest.mark.django_db

FIXTURE = json.loads((Path(settings.BASE_DIR) / "fixtures" / "network.json").read_text())


def fixture_count(model: str) -> int:
    return sum(1 for obj in FIXTURE if obj["model"] == model)


def test_seed_data_loads_into_an_empty_database_once_and_keeps_later_changes():
    call_command("load_seed_data", verbosity=0)
    Pledge.objects.filter(pk=4).update(current_stage="fulfilled")

    call_command("load_seed_data", verbosity=0)

    assert Pledge.objects.get(pk=4).current_stage == "fulfilled"
    assert Pledge.objects.count() == fixture_count("pledges.pledge")
    assert Meeting.objects.count() == fixture_count("meetings.meeting")


def test_force_twice_changes_nothing_on_an_up_to_date_database(capsys):
    call_command("load_seed_data", verbosity=0)
    counts = (Pledge.objects.count(), ProgressUpdate.objects.count(), Meeting.objects.count())

    call_command("load_seed_data", force=True)
    call_command("load_seed_data", force=True)

    assert "Added nothing; updated nothing." in capsys.readouterr().out
    after = (Pledge.objects.count(), ProgressUpdate.objects.count(), Meeting.objects.count())
    assert after == counts


@pytest.fixture
def older_database_with_users_work(django_user_model):
    """A database seeded before the new facts, where people have worked since."""
    call_command("load_seed_data", verbosity=0)
    # Before: no Robo Co-op pledge, no Geneva progress review, no Japanese title on #13.
    Pledge.objects.filter(title_en__startswith="Advancing refugee-led").delete()
    Meeting.objects.filter(date="2025-12-15").delete()
    Pledge.objects.filter(pk=13).update(title_ja="", title_en="Education pathways")
    PledgeSource.objects.filter(pledge_id=15).delete()
    # The secretariat filled in a Japanese title the fixtures do not know.
    Pledge.objects.filter(pk=12).update(title_ja="仏教の智慧と慈悲による難民との連帯")
    # A focal point's organization, pledge and update, taking ids the fixtures also use.
    user = django_user_model.objects.create_user("editor", email="e@example.org")
    organization = Organization.objects.create(name_en="A user's NGO", slug="users-ngo", kind="ngo")
    own = Pledge.objects.create(
        title_en="A pledge added in the admin", lead_organization=organization
    )
    draft = services.update_create(
        pledge=own,
        organization=organization,
        author=user,
        content={"stage": "planning", "achievements_ja": "利用者が書いた報告"},
    )
    # An update published on a seeded pledge after the seed's: the pledge's state now.
    welcome = Organization.objects.get(slug="welcome-japan")
    published = services.update_create(
        pledge=Pledge.objects.get(pk=7),
        organization=welcome,
        author=user,
        content={"stage": "fulfilled", "achievements_en": "Classes for 30 refugees."},
    )
    services.update_submit(update=published)
    services.update_publish(update=published, reviewer=None)
    return {"draft": draft, "published": published, "own": own}


def test_force_adds_the_new_facts_and_keeps_what_users_wrote(older_database_with_users_work):
    work = older_database_with_users_work

    call_command("load_seed_data", force=True, verbosity=0)

    robo = Pledge.objects.get(title_en__startswith="Advancing refugee-led")
    assert robo.lead_organization.slug == "robo-co-op"
    assert robo.sources.get().url == "https://roboco-op.org/column/20260201.html"
    assert Meeting.objects.get(date="2025-12-15").kind == Meeting.Kind.EVENT
    assert Pledge.objects.get(pk=13).title_ja == "日本における教育と就労を通じたパスウェイズの推進"
    assert PledgeSource.objects.filter(pledge_id=15).count() == 2
    # Kept: the secretariat's title, the user's pledge, draft and published update.
    assert Pledge.objects.get(pk=12).title_ja == "仏教の智慧と慈悲による難民との連帯"
    assert Pledge.objects.get(pk=work["own"].pk).title_en == "A pledge added in the admin"
    draft = ProgressUpdate.objects.get(pk=work["draft"].pk)
    assert (draft.achievements_ja, draft.state) == ("利用者が書いた報告", "draft")
    assert Pledge.objects.get(pk=7).current_stage == "fulfilled"
    # Nothing seeded twice, and every fixture pledge present once.
    assert Pledge.objects.count() == fixture_count("pledges.pledge") + 1
    seeded_updates = ProgressUpdate.objects.filter(author__isnull=True).count()
    assert seeded_updates == fixture_count("pledges.progressupdate")


def test_force_gives_a_new_fact_a_free_id_when_a_user_took_the_fixtures_one(db):
    call_command("load_seed_data", verbosity=0)
    robo = Pledge.objects.get(title_en__startswith="Advancing refugee-led")
    robo_pk = robo.pk
    robo.delete()
    organization = Organization.objects.create(name_en="Someone", slug="someone", kind="ngo")
    Pledge.objects.create(pk=robo_pk, title_en="Someone's pledge", lead_organization=organization)

    call_command("load_seed_data", force=True, verbosity=0)

    assert Pledge.objects.get(pk=robo_pk).title_en == "Someone's pledge"
    assert Pledge.objects.get(title_en__startswith="Advancing refugee-led").pk > robo_pk
    # The id sequence moved on: the next pledge made in the admin gets a free id.
    Pledge.objects.create(
        title_en="Next", lead_organization=organization, created_at=timezone.now()
    )
