"""Search in Japanese and English (pledges.search), on the seeded network and on made-up data."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from pledges.models import Pledge
from pledges.search import search_pledges, words
from tests.factories import OrganizationFactory, PledgeFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db

FIXTURE = json.loads((Path(settings.BASE_DIR) / "fixtures" / "network.json").read_text())


def _fixture_pledges_containing(text: str) -> set[int]:
    """Counted from the fixture file itself: the pledges whose Japanese title, description,
    organization name or published update contains ``text``."""
    objects = {(o["model"], o["pk"]): o["fields"] for o in FIXTURE}
    org_ja = {
        pk: f.get("name_ja", "") + f.get("short_name_ja", "")
        for (model, pk), f in objects.items()
        if model == "organizations.organization"
    }
    found = set()
    for (model, pk), f in objects.items():
        if model == "pledges.pledge":
            organizations = [f["lead_organization"], *f["co_organizations"]]
            texts = [f["title_ja"], f["description_ja"], *(org_ja[o] for o in organizations)]
            if any(text in t for t in texts):
                found.add(pk)
        published = model == "pledges.progressupdate" and f["state"] == "published"
        if published and any(text in (v or "") for k, v in f.items() if k.endswith("_ja")):
            found.add(f["pledge"])
    return found


@pytest.fixture
def seeded(db):
    call_command("load_seed_data", verbosity=0)


def _found(text: str) -> set[int]:
    return set(search_pledges(Pledge.objects.all(), text).values_list("pk", flat=True))


def test_nanmin_finds_every_seeded_pledge_that_says_it_in_japanese(seeded):
    expected = _fixture_pledges_containing("難民")
    assert len(expected) >= 7
    assert _found("難民") == expected


def test_kyoiku_finds_every_seeded_pledge_that_says_it_in_japanese(seeded):
    assert _found("教育") == _fixture_pledges_containing("教育")


def test_words_in_both_languages_combine(seeded):
    # "Pathways" (an organization's English name) and 奨学金 (a Japanese title).
    found = Pledge.objects.filter(pk__in=_found("Pathways 奨学金"))
    assert [p.title_en for p in found] == [
        "Scholarship program for advancing refugee higher education in Japan"
    ]
    # Each word narrows: a word found nowhere leaves nothing.
    assert _found("Pathways 奨学金 Geneva-nowhere") == set()


def test_a_full_width_space_separates_words():
    assert words("難民\u3000教育  refugees") == ["難民", "教育", "refugees"]


def test_published_update_text_is_found_but_a_draft_is_not(db):
    published = ProgressUpdateFactory(published=True, achievements_ja="日本語教室を三回開いた")
    ProgressUpdateFactory(achievements_en="A secret draft about hydroponics")
    assert _found("日本語教室") == {published.pledge_id}
    assert _found("hydroponics") == set()


def test_organization_names_are_searched_lead_and_co_pledger(db):
    lead = OrganizationFactory(name_en="Kobe Harbour Friends", name_ja="神戸港の友")
    led = PledgeFactory(lead_organization=lead)
    co = PledgeFactory()
    co.co_organizations.add(lead)
    assert _found("神戸港") == {led.pk, co.pk}
    assert _found("harbour") == {led.pk, co.pk}  # case does not matter


def test_the_pledge_list_searches_in_japanese(client, seeded, public_dashboard):
    response = client.get(
        reverse("dashboards:pledge_list"), {"q": "難民"}, HTTP_ACCEPT_LANGUAGE="ja"
    )
    assert response.status_code == 200
    shown = {p.pk for p in response.context["page_obj"].object_list}
    expected = _fixture_pledges_containing("難民")
    assert shown == expected or len(shown) == response.context["page_obj"].paginator.per_page
    assert response.context["page_obj"].paginator.count == len(expected)
