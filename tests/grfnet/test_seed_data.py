import pytest
from django.core.management import call_command
from django.utils import translation

from meetings.models import Meeting
from organizations.models import Organization
from pledges.models import Indicator, Objective, Pledge, ProgressUpdate

pytestmark = pytest.mark.django_db

# Every pledge of shared/seeds/known-facts.md, by its lead organization and English title.
KNOWN_PLEDGES = {
    ("mofa", "Humanitarian-Development-Peace (HDP) Nexus multi-stakeholder pledge"),
    ("mofa", "Strengthening humanitarian workers' capacity through the e-Center for Africa"),
    ("sony-group", "Partnership with UNHCR through the Sony Global Relief Fund for COVID-19"),
    ("welcome-japan", "Refugees' inclusion in Japan's labour market"),
    ("welcome-japan", "Refugee employment in digital-transformation (DX) roles"),
    ("welcome-japan", "Housing support for refugees in Japan"),
    ("welcome-japan", "Japanese-language education for refugees"),
    ("welcome-japan", "Mental health support for refugees"),
    (
        "japan-buddhist-federation",
        "New initiatives for refugee support in Japan's Buddhist community",
    ),
    ("soka-gakkai", "Raising awareness of refugees in Japan"),
    ("soka-gakkai", '"Music Brings Us Together" in Jordan'),
    ("rissho-kosei-kai", "Solidarity with refugees through Buddhist wisdom and compassion"),
    ("japan-icu-foundation", "Education pathways for refugee students in Japan"),
    (
        "pathways-japan",
        "Skills-based complementary pathways (work and education) multi-stakeholder pledge",
    ),
}


@pytest.fixture
def seeded(db):
    call_command("loaddata", "reference", "network", verbosity=0)


def test_seed_data_loads_on_an_empty_database_with_the_four_objectives(seeded):
    assert list(Objective.objects.values_list("number", flat=True)) == [1, 2, 3, 4]
    with translation.override("ja"):
        assert Objective.objects.get(number=2).title == "難民の自立促進"
    with translation.override("en"):
        assert Objective.objects.get(number=2).title == "Enhance refugee self-reliance"


def test_seed_data_holds_every_pledge_of_the_known_facts_with_its_source(seeded):
    pledges = Pledge.objects.select_related("lead_organization")
    assert {(p.lead_organization.slug, p.title_en) for p in pledges} == KNOWN_PLEDGES
    assert all(p.source_url or p.source_citation for p in pledges)


def test_joint_pledge_names_its_co_pledger(seeded):
    pledge = Pledge.objects.get(title_en="Education pathways for refugee students in Japan")
    assert list(pledge.co_organizations.values_list("slug", flat=True)) == ["pathways-japan"]


def test_known_figures_are_indicators(seeded):
    sony = Indicator.objects.get(pledge__lead_organization__slug="sony-group")
    assert (sony.unit, sony.target, sony.actual) == ("USD", 6_000_000, 4_000_000)
    temples = Indicator.objects.get(name_en="Member temples reached by outreach")
    assert (temples.unit, temples.actual) == ("temples", 75_000)
    students = Indicator.objects.filter(pledge__lead_organization__slug="japan-icu-foundation")
    assert sorted(int(i.target) for i in students) == [20, 65, 96]


def test_japanese_title_is_empty_where_unknown_and_the_page_falls_back_to_english(seeded):
    pledge = Pledge.objects.get(title_en="Raising awareness of refugees in Japan")
    assert not pledge.title_ja
    with translation.override("ja"):
        assert pledge.title == "Raising awareness of refugees in Japan"
    jbf = Pledge.objects.get(lead_organization__slug="japan-buddhist-federation")
    with translation.override("ja"):
        assert jbf.title == "日本の仏教界における難民支援の新たな取り組み"


def test_denormalized_stage_matches_the_latest_published_update(seeded):
    for pledge in Pledge.objects.all():
        latest = pledge.updates.published().order_by("-published_at").first()
        assert pledge.current_stage == (latest.stage if latest else "none")


def test_first_network_meeting_is_seeded_with_its_co_hosts(seeded):
    meeting = Meeting.objects.get(number=1)
    assert str(meeting.date) == "2024-09-11"
    assert set(meeting.co_hosts.values_list("slug", flat=True)) == {"mofa", "unhcr-japan"}


def test_loading_the_seed_data_twice_does_not_duplicate_it(seeded):
    counts = (Organization.objects.count(), Pledge.objects.count(), ProgressUpdate.objects.count())
    call_command("loaddata", "reference", "network", verbosity=0)
    assert (
        Organization.objects.count(),
        Pledge.objects.count(),
        ProgressUpdate.objects.count(),
    ) == counts
