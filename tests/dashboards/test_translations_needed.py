"""The secretariat's list of content written in one language only, and its counts."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from dashboards.translations import translations_needed_counts
from tests.factories import (
    IndicatorFactory,
    MeetingFactory,
    OrganizationFactory,
    PledgeFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db

URL = "/review/translations/"
FIXTURE = json.loads((Path(settings.BASE_DIR) / "fixtures" / "network.json").read_text())


def _one_language_only(fields: dict, names) -> bool:
    return any(bool(fields.get(f"{n}_ja")) != bool(fields.get(f"{n}_en")) for n in names)


def test_counts_on_the_seed_data_match_the_fixtures():
    call_command("load_seed_data", verbosity=0)
    expected = {
        "pledges": (
            "pledges.pledge",
            ("title", "description", "multi_stakeholder_pledge", "uncertainty"),
        ),
        "organizations": ("organizations.organization", ("name", "short_name", "description")),
        "meetings": ("meetings.meeting", ("title", "venue", "summary")),
        "indicators": ("pledges.indicator", ("name",)),
        "updates": (
            "pledges.progressupdate",
            ("achievements", "challenges", "next_steps", "refugee_participation"),
        ),
    }
    counts = translations_needed_counts()
    for key, (model, names) in expected.items():
        objects = [o["fields"] for o in FIXTURE if o["model"] == model]
        if key == "updates":
            objects = [f for f in objects if f["state"] == "published"]
        assert counts[key] == sum(_one_language_only(f, names) for f in objects), key
    assert counts["pledges"] > 0 and counts["updates"] > 0
    assert counts["total"] == sum(v for k, v in counts.items() if k != "total")


def test_each_kind_is_counted_once_and_complete_content_not_at_all():
    PledgeFactory(title_ja="", description_ja="")  # Japanese missing twice: one pledge
    PledgeFactory()  # both languages
    OrganizationFactory(name_en="", name_ja="日本の団体")
    MeetingFactory(summary_en="Minutes.", summary_ja="")
    IndicatorFactory(name_en="People", name_ja="")
    ProgressUpdateFactory(published=True, achievements_en="", achievements_ja="報告")
    ProgressUpdateFactory(achievements_en="", achievements_ja="下書き")  # a draft: not listed
    counts = translations_needed_counts()
    assert {
        k: counts[k] for k in ("pledges", "organizations", "meetings", "indicators", "updates")
    } == {
        "pledges": 1,
        "organizations": 1,
        "meetings": 1,
        "indicators": 1,
        "updates": 1,
    }


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("plain_user", 403), ("editor", 403), ("secretariat", 200)],
)
def test_only_the_secretariat_sees_the_list(client, request, who, status):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == status


def test_the_list_links_each_item_to_where_it_is_translated(client, secretariat):
    pledge = PledgeFactory(title_en="Only in English", title_ja="")
    update = ProgressUpdateFactory(published=True, achievements_en="", achievements_ja="報告")
    client.force_login(secretariat)
    html = client.get(URL).content.decode()
    assert "Only in English" in html
    assert reverse("admin:pledges_pledge_change", args=[pledge.pk]) in html
    assert reverse("admin:pledges_progressupdate_change", args=[update.pk]) in html
    assert "Missing in Japanese: title" in html


def test_the_review_page_shows_the_counts(client, secretariat):
    PledgeFactory(title_ja="")
    client.force_login(secretariat)
    html = client.get(reverse("pledges:review")).content.decode()
    assert "1 item is written in one language only" in html
    assert URL in html


@pytest.mark.parametrize("size", [3, 30])
def test_the_list_runs_a_fixed_number_of_queries(
    client, secretariat, django_assert_max_num_queries, size
):
    for _ in range(size):
        PledgeFactory(title_ja="")
        ProgressUpdateFactory(published=True, achievements_en="", achievements_ja="報告")
    client.force_login(secretariat)
    # five lists, five counts, the data version, the session and the user
    with django_assert_max_num_queries(14):
        client.get(URL)


def test_a_long_list_shows_the_oldest_items_and_counts_the_rest(client, secretariat):
    pledges = [PledgeFactory(title_en=f"English only {n:03}", title_ja="") for n in range(53)]
    client.force_login(secretariat)

    html = client.get(URL).content.decode()

    assert "English only 049" in html and "English only 050" not in html
    assert "And 3 more: the oldest are listed first" in html
    pledges[0].title_ja = "日本語の題"
    pledges[0].save()  # translated in the admin: the list and its counts move on at once
    html = client.get(URL).content.decode()
    assert "English only 000" not in html and "English only 050" in html
    assert "And 2 more" in html
    review = client.get(reverse("pledges:review")).content.decode()
    assert "52 items are written in one language only" in review
