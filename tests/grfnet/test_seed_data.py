import pytest
from django.core.management import call_command
from django.utils import translation

from meetings.models import Meeting
from organizations.models import Organization
from pledges.models import Indicator, Objective, Pledge, PledgeSource, ProgressUpdate

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
    ("japan-icu-foundation", "Advancing Education and Labor Mobility Pathways in Japan"),
    (
        "pathways-japan",
        "Skills-based complementary pathways (work and education) multi-stakeholder pledge",
    ),
    # The section "More sourced pledges and events (researched 2026-11-29)".
    ("pathways-japan", "Scholarship program for advancing refugee higher education in Japan"),
    (
        "japan-icu-foundation",
        "Continue opportunities for refugee students at ICU and hold symposia in Japan "
        "and the Asia-Pacific",
    ),
    ("religions-for-peace-japan", "Protecting every life and dignity"),
    (
        "living-in-peace",
        "Rating and raising awareness of inclusive workplaces with a Cultural Diversity Index",
    ),
    (
        "youth-refugee-platform",
        "Together: strengthening solidarity, learning, working with refugees and shaping society",
    ),
    ("robo-co-op", "Advancing refugee-led digital inclusion and cooperative innovation"),
    (
        "mofa",
        "Contribution of about USD 3 million to Education Cannot Wait for children in Ukraine",
    ),
    ("mofa", "Protection in Japan for about 2,500 evacuees from Ukraine"),
    (
        "mofa",
        "A new programme accepting students from a further country, beside the JISR programme",
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
    pledge = Pledge.objects.get(title_en="Advancing Education and Labor Mobility Pathways in Japan")
    assert list(pledge.co_organizations.values_list("slug", flat=True)) == ["pathways-japan"]


def test_known_figures_are_indicators(seeded):
    sony = Indicator.objects.get(pledge__lead_organization__slug="sony-group")
    assert (sony.unit, sony.target, sony.actual) == ("USD", 6_000_000, 4_000_000)
    temples = Indicator.objects.get(name_en="Member temples reached by outreach")
    assert (temples.unit, temples.actual) == ("temples", 75_000)
    students = Indicator.objects.filter(
        pledge__lead_organization__slug="japan-icu-foundation", target__isnull=False
    )
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


def test_every_source_with_a_known_address_is_a_link(seeded):
    sourced = Pledge.objects.filter(sources__isnull=False).distinct()
    # All but the pledges whose sources give no web address (UNHCR's pledge records page,
    # the Foreign Minister's statement, the Youth Refugee Platform's pledge).
    assert sourced.count() == 18
    for pledge in Pledge.objects.exclude(pk__in=sourced):
        assert pledge.source_citation
    assert all(s.url.startswith("https://") for s in PledgeSource.objects.all())


def test_what_a_source_leaves_uncertain_is_said_on_the_pledge(seeded):
    ecw = Pledge.objects.get(title_en__contains="Education Cannot Wait")
    assert "uncertain" in ecw.uncertainty_en
    assert "不確か" in ecw.uncertainty_ja
    assert (ecw.estimated_cost, ecw.cost_currency) == (3_000_000, "USD")
    wcrp = Pledge.objects.get(lead_organization__slug="religions-for-peace-japan")
    assert "formal title is uncertain" in wcrp.uncertainty_en
    assert Pledge.objects.exclude(uncertainty_en="").count() == 5


def test_the_joint_pledge_is_costed_and_linked_to_its_multi_stakeholder_pledge(seeded):
    joint = Pledge.objects.get(title_ja="日本における教育と就労を通じたパスウェイズの推進")
    assert (joint.estimated_cost, joint.cost_currency) == (642_000_000, "JPY")
    assert "JPY 406 million" in joint.description_en
    msp = Pledge.objects.get(title_en__startswith="Skills-based complementary pathways")
    assert joint in msp.linked_pledges.all()  # symmetrical: shown on both pages
    scholarship = Pledge.objects.get(title_en__startswith="Scholarship program")
    assert scholarship.indicators.get().actual == 21


def test_jicuf_2019_pledge_is_fulfilled(seeded):
    pledge = Pledge.objects.get(forum="2019")
    assert pledge.current_stage == "fulfilled"


def test_events_are_not_network_meetings_and_close_no_period(seeded):
    from meetings.calendar import period_for_meeting

    events = Meeting.objects.filter(kind=Meeting.Kind.EVENT).order_by("date")
    assert [str(e.date) for e in events] == ["2023-05-31", "2023-11-27", "2024-01-31", "2025-12-15"]
    assert all(e.number is None for e in events)
    network = Meeting.objects.network_meetings().order_by("date")
    assert [m.number for m in network] == [1, 2]
    # The second meeting's period starts after the first meeting, not after an event.
    assert period_for_meeting(network[1]).previous_meeting == network[0]
    assert period_for_meeting(network[0]).previous_meeting is None
