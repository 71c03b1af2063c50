"""Exports of the pledge list: what a viewer may see on the pages and nothing else,
following the list's filters, with formulas escaped, at a fixed number of queries."""

import csv
import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from meetings.demo_data import DemoSize, build_demo_data
from meetings.models import Meeting
from pledges.models import ProgressUpdate
from tests.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    MeetingFactory,
    ObjectiveFactory,
    PledgeFactory,
    ProgressUpdateFactory,
)

SECRET = "SECRET-DRAFT-TEXT"
FORMATS = ["csv", "xlsx", "json"]


def _text(response) -> str:
    """Everything a downloaded file says, whatever its format."""
    content = b"".join(response) if response.streaming else response.content
    if content.startswith(b"PK"):
        workbook = load_workbook(io.BytesIO(content))
        return "\n".join(
            str(cell)
            for sheet in workbook
            for row in sheet.iter_rows(values_only=True)
            for cell in row
        )
    return content.decode("utf-8-sig")


def _export_urls() -> list[str]:
    return [reverse("exchange:pledge_export", args=[f]) for f in FORMATS] + [
        reverse("exchange:update_export", args=[f]) for f in FORMATS
    ]


def _api_urls(pledge) -> list[str]:
    return [
        "/api/v1/pledges/",
        f"/api/v1/pledges/{pledge.pk}/",
        "/api/v1/updates/",
        "/api/v1/organizations/",
        "/api/v1/meetings/",
    ]


@pytest.fixture
def pledge_with_secrets(organization):
    """A pledge with a published update and, around it, every kind of text no export may
    show: a draft, a submitted and a returned update (with the secretariat's comment)."""
    pledge = PledgeFactory(lead_organization=organization, title_en="Visible pledge")
    indicator = IndicatorFactory(pledge=pledge, name_en="Students")
    published = ProgressUpdateFactory(pledge=pledge, published=True, achievements="Published text")
    IndicatorValueFactory(update=published, indicator=indicator, value=12)
    ProgressUpdateFactory(pledge=pledge, achievements=f"{SECRET} draft", challenges=SECRET)
    ProgressUpdateFactory(
        pledge=pledge,
        submitted=True,
        organization=PledgeFactory().lead_organization,
        achievements=f"{SECRET} submitted",
    )
    ProgressUpdateFactory(
        pledge=PledgeFactory(lead_organization=organization),
        state=ProgressUpdate.State.RETURNED,
        achievements=f"{SECRET} returned",
        review_comment=f"{SECRET} review comment",
    )
    MeetingFactory(title_en=f"{SECRET} meeting", is_published=False)
    return pledge


@pytest.mark.parametrize("role", ["anonymous", "viewer", "editor", "outsider", "secretariat"])
def test_no_draft_text_reaches_any_export_or_api_response_for_any_role(
    client, public_dashboard, pledge_with_secrets, role, request
):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))

    for url in _export_urls() + _api_urls(pledge_with_secrets):
        response = client.get(url)
        assert response.status_code == 200, url
        text = _text(response)
        assert SECRET not in text, url
        assert "Published text" in text or "updates" not in url, url


def test_published_updates_carry_their_indicator_values(
    client, public_dashboard, pledge_with_secrets
):
    rows = json.loads(client.get(reverse("exchange:update_export", args=["json"])).content)

    assert [r["achievements"]["en"] for r in rows] == ["Published text"]
    assert rows[0]["indicator_values"][0]["name"]["en"] == "Students"
    assert rows[0]["indicator_values"][0]["value"] == 12


@pytest.mark.parametrize("url_name", ["exchange:pledge_export", "exchange:update_export"])
def test_without_the_public_setting_anonymous_visitors_are_sent_to_sign_in(client, db, url_name):
    response = client.get(reverse(url_name, args=["csv"]))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_signed_in_network_member_may_export_without_the_public_setting(
    client, plain_user, pledge_with_secrets
):
    client.force_login(plain_user)

    response = client.get(reverse("exchange:pledge_export", args=["csv"]))

    assert response.status_code == 200
    assert "Visible pledge" in _text(response)


def test_an_unknown_format_is_not_found(client, public_dashboard, db):
    assert client.get("/pledges/export.pdf").status_code == 404


def test_the_export_follows_the_list_filters(client, public_dashboard, db):
    education = ObjectiveFactory(number=2)
    PledgeFactory(title_en="About objective two", objectives=[education])
    PledgeFactory(title_en="About objective one", objectives=[ObjectiveFactory(number=1)])

    text = _text(
        client.get(reverse("exchange:pledge_export", args=["csv"]) + "?objective=2&page=3")
    )

    assert "About objective two" in text
    assert "About objective one" not in text


def test_the_csv_has_the_import_columns_and_excel_reads_its_japanese(
    client, public_dashboard, pledge_with_secrets
):
    content = client.get(reverse("exchange:pledge_export", args=["csv"])).content

    assert content.startswith("\ufeff".encode())  # Excel on Windows reads UTF-8 with a BOM
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0]["title_en"] == "Visible pledge"
    assert rows[0]["title_ja"].startswith("デモ")
    assert rows[0]["stage"] == "none"
    assert rows[0]["indicator_1_name_en"] == "Students"


def test_the_exports_carry_where_and_when_a_pledge_acts(client, public_dashboard, db):
    import datetime

    PledgeFactory(
        title_en="Music in Jordan",
        countries=["JO", "UG"],
        start_date=datetime.date(2024, 4, 1),
        end_date=datetime.date(2027, 3, 31),
    )

    content = client.get(reverse("exchange:pledge_export", args=["csv"])).content
    row = next(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    records = json.loads(client.get(reverse("exchange:pledge_export", args=["json"])).content)

    assert (row["countries"], row["start_date"], row["end_date"]) == (
        "JO; UG",
        "2024-04-01",
        "2027-03-31",
    )
    assert records[0]["countries"][0] == {"code": "JO", "name": {"ja": "ヨルダン", "en": "Jordan"}}
    assert (records[0]["start_date"], records[0]["end_date"]) == ("2024-04-01", "2027-03-31")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_a_spreadsheet_would_run_are_escaped(client, public_dashboard, db, start):
    PledgeFactory(title_en=f'{start}HYPERLINK("http://evil.example")')

    csv_text = client.get(reverse("exchange:pledge_export", args=["csv"])).content.decode(
        "utf-8-sig"
    )
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("exchange:pledge_export", args=["xlsx"])).content)
    )
    json_rows = json.loads(client.get(reverse("exchange:pledge_export", args=["json"])).content)

    row = next(csv.DictReader(io.StringIO(csv_text, newline="")))
    assert row["title_en"] == f'\'{start}HYPERLINK("http://evil.example")'
    sheet = workbook["pledges"]
    column = [c.value for c in sheet[1]].index("title_en") + 1
    cell = sheet.cell(row=2, column=column)
    assert cell.value.startswith("'") and cell.data_type == "s"
    assert json_rows[0]["title"]["en"].startswith(start)  # JSON is data, not a spreadsheet


def test_the_admin_export_of_meetings_includes_unpublished_ones_for_the_secretariat(
    client, secretariat, db
):
    meeting = MeetingFactory(title_en="Draft agenda meeting", is_published=False)
    client.force_login(secretariat)

    response = client.post(
        reverse("admin:meetings_meeting_changelist"),
        {"action": "export_meetings_csv", "_selected_action": [meeting.pk]},
    )

    assert "Draft agenda meeting" in _text(response)
    assert Meeting.objects.count() == 1


def grow(count: int) -> None:
    """``count`` more pledges of objective 1, each with an indicator and a published update
    that reports it (on top of ``build_demo_data``)."""
    from organizations.models import Organization
    from pledges.models import Objective

    objective = Objective.objects.get(number=1)
    organizations = list(Organization.objects.all()[:3])
    for n in range(count):
        pledge = PledgeFactory(
            lead_organization=organizations[n % 3],
            objectives=[objective],
            co_organizations=[organizations[(n + 1) % 3]],
        )
        indicator = IndicatorFactory(pledge=pledge)
        update = ProgressUpdateFactory(pledge=pledge, published=True)
        IndicatorValueFactory(update=update, indicator=indicator)


@pytest.mark.parametrize("file_format", FORMATS)
@pytest.mark.parametrize("url_name", ["exchange:pledge_export", "exchange:update_export"])
def test_exports_run_the_same_number_of_queries_at_two_sizes(
    client, public_dashboard, db, django_assert_max_num_queries, file_format, url_name
):
    url = reverse(url_name, args=[file_format]) + "?objective=1&sort=title"
    build_demo_data(DemoSize(organizations=5, pledges=10, updates_per_pledge=1, meetings=2))
    grow(3)
    counts = []
    for more in (0, 60):
        grow(more)
        with django_assert_max_num_queries(14) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
