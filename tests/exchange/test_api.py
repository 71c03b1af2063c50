"""The read-only JSON API: every response matches the API's own OpenAPI description;
pagination, the pledge list's filters, visibility, and a fixed number of queries."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec

from meetings.demo_data import DemoSize, build_demo_data
from tests.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    MeetingFactory,
    ObjectiveFactory,
    PledgeFactory,
    ProgressUpdateFactory,
)

from .test_exports import grow

ISO_MOMENT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


@pytest.fixture(scope="module")
def openapi(django_db_setup, django_db_blocker):
    """The API's description, read and checked once: it does not depend on the data (the
    check alone cost 0.7 s a test)."""
    with django_db_blocker.unblock():
        response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate_spec(document)  # a valid OpenAPI 3 document
    return document


def assert_matches_openapi(document, path, response):
    """The response body matches the schema its operation declares for its status."""
    operation = document["paths"][path]["get"]
    declared = operation["responses"][str(response.status_code)]
    schema = _resolved(declared["content"]["application/json"]["schema"], document)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(response.json()), key=str)
    assert not errors, [e.message for e in errors[:5]]


def _resolved(node, document):
    """Inline the document's ``#/components/schemas/...`` references."""
    if isinstance(node, dict):
        if "$ref" in node:
            name = node["$ref"].split("/")[-1]
            return _resolved(document["components"]["schemas"][name], document)
        return {k: _resolved(v, document) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_resolved(v, document) for v in node]
    return node


@pytest.fixture
def network(db):
    two = ObjectiveFactory(number=2)
    pledge = PledgeFactory(title_en="Jobs pledge", title_ja="雇用のプレッジ", objectives=[two])
    indicator = IndicatorFactory(pledge=pledge, name_en="People employed", target=40)
    update = ProgressUpdateFactory(pledge=pledge, published=True, progress=30)
    IndicatorValueFactory(update=update, indicator=indicator, value=12)
    pledge.refresh_from_db()
    from pledges.services import pledge_refresh_current_state

    pledge_refresh_current_state(pledge=pledge)
    PledgeFactory(title_en="Other pledge", objectives=[ObjectiveFactory(number=1)])
    MeetingFactory(title_en="Published meeting")
    MeetingFactory(title_en="Unpublished meeting", is_published=False)
    return pledge


@pytest.mark.parametrize(
    ("path", "url"),
    [
        ("/api/v1/pledges/", "/api/v1/pledges/"),
        ("/api/v1/pledges/", "/api/v1/pledges/?objective=2&stage=in_progress"),
        ("/api/v1/pledges/{pledge_id}/", "/api/v1/pledges/{id}/"),
        ("/api/v1/pledges/{pledge_id}/", "/api/v1/pledges/999999/"),
        ("/api/v1/updates/", "/api/v1/updates/"),
        ("/api/v1/organizations/", "/api/v1/organizations/"),
        ("/api/v1/meetings/", "/api/v1/meetings/"),
        ("/api/v1/pledges/", "/api/v1/pledges/?page=9"),
        ("/api/v1/pledges/", "/api/v1/pledges/?objective=7"),
        ("/api/v1/pledges/", "/api/v1/pledges/?stage=done"),
        ("/api/v1/pledges/", "/api/v1/pledges/?area=astronomy"),
        ("/api/v1/updates/", "/api/v1/updates/?page_size=1000"),
    ],
)
def test_every_response_matches_the_openapi_description(
    client, public_dashboard, openapi, network, path, url
):
    response = client.get(url.replace("{id}", str(network.pk)))

    assert_matches_openapi(openapi, path, response)


def test_a_pledge_has_both_languages_iso_dates_and_its_indicators_latest_values(
    client, public_dashboard, network
):
    data = client.get(f"/api/v1/pledges/{network.pk}/").json()

    assert data["id"] == network.pk
    assert data["title"] == {"ja": "雇用のプレッジ", "en": "Jobs pledge"}
    assert data["stage"] == "in_progress"
    assert data["progress"] == 30
    assert ISO_MOMENT.match(data["last_published_at"])
    assert data["objectives"][0]["number"] == 2
    assert data["indicators"][0]["actual"] == 12
    assert data["indicators"][0]["target"] == 40


def test_the_pledge_list_takes_the_list_filters(client, public_dashboard, network):
    by_objective = client.get("/api/v1/pledges/?objective=2").json()
    no_report = client.get("/api/v1/pledges/?stage=none").json()

    assert [p["title"]["en"] for p in by_objective["results"]] == ["Jobs pledge"]
    assert [p["title"]["en"] for p in no_report["results"]] == ["Other pledge"]


def test_pages_hold_page_size_records_and_say_how_many_there_are(client, public_dashboard, db):
    for n in range(5):
        PledgeFactory(title_en=f"Pledge {n}")

    first = client.get("/api/v1/pledges/?page_size=2").json()
    third = client.get("/api/v1/pledges/?page_size=2&page=3").json()

    assert (first["count"], first["pages"], len(first["results"])) == (5, 3, 2)
    assert [p["title"]["en"] for p in third["results"]] == ["Pledge 4"]
    assert client.get("/api/v1/pledges/?page_size=2&page=4").status_code == 404


def test_ids_are_stable_across_pages_and_requests(client, public_dashboard, network):
    once = [p["id"] for p in client.get("/api/v1/pledges/").json()["results"]]
    again = [p["id"] for p in client.get("/api/v1/pledges/").json()["results"]]

    assert once == again == sorted(once)


def test_only_published_meetings_and_updates_are_listed(client, public_dashboard, network):
    ProgressUpdateFactory(pledge=network, achievements="Draft only")

    meetings = client.get("/api/v1/meetings/").json()["results"]
    updates = client.get("/api/v1/updates/").json()["results"]

    assert [m["title"]["en"] for m in meetings] == ["Published meeting"]
    assert [u["progress"] for u in updates] == [30]


def test_without_the_public_setting_anonymous_requests_get_401(client, network):
    assert client.get("/api/v1/pledges/").status_code == 401
    assert client.get(f"/api/v1/pledges/{network.pk}/").status_code == 401


def test_without_the_public_setting_a_signed_in_user_reads_the_api(client, plain_user, network):
    client.force_login(plain_user)

    assert client.get("/api/v1/pledges/").status_code == 200


def test_the_old_swagger_address_leads_to_the_accessible_documentation(client, db):
    response = client.get("/api/v1/docs")

    assert response.status_code == 301
    assert response["Location"] == reverse("api_docs")
    assert "swagger" not in client.get(reverse("api_docs")).content.decode().lower()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/pledges/?objective=1",
        "/api/v1/updates/",
        "/api/v1/organizations/",
        "/api/v1/meetings/",
    ],
)
def test_the_api_runs_the_same_number_of_queries_at_two_sizes(
    client, public_dashboard, db, django_assert_max_num_queries, url
):
    build_demo_data(DemoSize(organizations=5, pledges=10, updates_per_pledge=1, meetings=2))
    grow(3)
    counts = []
    for more in (0, 60):
        grow(more)
        for _n in range(more // 10):
            MeetingFactory()
        with django_assert_max_num_queries(14) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


@pytest.mark.parametrize(("language", "heading"), [("en", "Endpoints"), ("ja", "エンドポイント")])
def test_the_api_page_describes_every_endpoint_in_the_readers_language(
    client, db, settings, language, heading
):
    settings.LANGUAGE_CODE = language
    response = client.get("/api/v1/", HTTP_ACCEPT_LANGUAGE=language)

    page = response.content.decode()
    assert response.status_code == 200
    assert heading in page
    for path in (
        "/api/v1/pledges/",
        "/api/v1/updates/",
        "/api/v1/organizations/",
        "/api/v1/meetings/",
    ):
        assert f"GET {path}" in page
    assert "planning, in_progress, fulfilled, none" in page
    assert "/api/v1/openapi.json" in page


def test_a_filter_value_that_names_nothing_is_refused_with_its_parameter(
    client, public_dashboard, network
):
    response = client.get("/api/v1/pledges/?area=astronomy")

    assert response.status_code == 400
    assert response.json()["detail"].startswith("area:")


def test_the_pledge_list_takes_the_country_and_end_year_filters(client, public_dashboard, db):
    PledgeFactory(title_en="In Jordan", countries=["JO"], end_date=datetime.date(2026, 3, 31))
    PledgeFactory(title_en="In Japan", countries=["JP"], end_date=datetime.date(2028, 3, 31))

    in_jordan = client.get("/api/v1/pledges/?country=JO").json()
    ending = client.get("/api/v1/pledges/?ends_by=2027").json()

    assert [p["title"]["en"] for p in in_jordan["results"]] == ["In Jordan"]
    assert [p["title"]["en"] for p in ending["results"]] == ["In Jordan"]
    assert in_jordan["results"][0]["countries"] == [
        {"code": "JO", "name": {"ja": "ヨルダン", "en": "Jordan"}}
    ]
    assert in_jordan["results"][0]["end_date"] == "2026-03-31"
    # The end date's older name, kept for the first version's readers and marked so.
    assert in_jordan["results"][0]["target_date"] == "2026-03-31"


def test_the_description_marks_the_older_target_date_as_deprecated(openapi):
    pledge = openapi["components"]["schemas"]["PledgeOut"]["properties"]
    assert pledge["target_date"]["deprecated"] is True
    assert "deprecated" not in pledge["end_date"]
