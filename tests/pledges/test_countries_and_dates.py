"""Where a pledge acts and when it runs: the fields, their rules, the list filters, the seed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.urls import reverse

from dashboards.filters import PledgeFilter
from pledges.models import Pledge
from tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledges():
    return {
        "music": PledgeFactory(
            title_en="Demo music", countries=["JO"], end_date=datetime.date(2026, 3, 31)
        ),
        "jica": PledgeFactory(
            title_en="Demo self-reliance",
            countries=["UG", "ZM"],
            start_date=datetime.date(2024, 1, 1),
            end_date=datetime.date(2027, 12, 31),
        ),
        "domestic": PledgeFactory(
            title_en="Demo domestic", countries=["JP"], end_date=datetime.date(2028, 1, 1)
        ),
        "nowhere": PledgeFactory(title_en="Demo undated"),
    }


def _titles(query):
    filterset = PledgeFilter(QueryDict(query), queryset=Pledge.objects.all())
    return {pledge.title_en for pledge in filterset.qs}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=JO", {"Demo music"}),
        ("country=ZM", {"Demo self-reliance"}),
        ("country=UG", {"Demo self-reliance"}),
        ("country=JP", {"Demo domestic"}),
        ("country=FR", set()),
        # A value that is not a country is ignored, like every filter's.
        ("country=XX", {"Demo music", "Demo self-reliance", "Demo domestic", "Demo undated"}),
        ("ends_by=2027", {"Demo music", "Demo self-reliance"}),
        ("ends_by=2026", {"Demo music"}),
        ("ends_by=2025", set()),
        ("ends_by=soon", {"Demo music", "Demo self-reliance", "Demo domestic", "Demo undated"}),
        ("ends_by=2027&country=UG", {"Demo self-reliance"}),
    ],
)
def test_list_filters_by_country_and_end_year(pledges, query, expected):
    assert _titles(query) == expected


def test_pledge_list_page_filters_by_country(client, public_dashboard, pledges):
    html = client.get(reverse("dashboards:pledge_list"), {"country": "JO"}).content.decode()
    assert "Demo music" in html
    assert "Demo self-reliance" not in html


def test_pledge_list_page_says_it_ignored_a_bad_year(client, public_dashboard, pledges):
    response = client.get(reverse("dashboards:pledge_list"), {"ends_by": "soon"})
    assert response.status_code == 200
    assert "Demo music" in response.content.decode()


def test_a_pledge_cannot_end_before_it_starts(pledges):
    pledge = pledges["jica"]
    pledge.end_date = datetime.date(2023, 1, 1)
    with pytest.raises(ValidationError) as error:
        pledge.full_clean()
    assert "end_date" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        pledge.save()


def test_countries_are_kept_as_codes_and_named_in_the_readers_language(pledges):
    pledge = Pledge.objects.get(pk=pledges["jica"].pk)
    assert [country.code for country in pledge.countries] == ["UG", "ZM"]
    assert [country.name for country in pledge.countries] == ["Uganda", "Zambia"]


def test_the_seed_pledges_act_where_their_sources_say(db):
    call_command("loaddata", "reference", "network", verbosity=0)

    def codes(title):
        return {country.code for country in Pledge.objects.get(title_en=title).countries}

    assert codes('"Music Brings Us Together" in Jordan') == {"JO"}
    assert {"UG", "ZM"} <= codes(
        "Humanitarian-Development-Peace (HDP) Nexus multi-stakeholder pledge"
    )
    for domestic in (
        "Refugees' inclusion in Japan's labour market",
        "Housing support for refugees in Japan",
        "New initiatives for refugee support in Japan's Buddhist community",
        "Advancing Education and Labor Mobility Pathways in Japan",
    ):
        assert codes(domestic) == {"JP"}
