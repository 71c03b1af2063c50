"""HTTP methods and caching: read pages answer GET and HEAD only, forms GET and POST,
nothing answers PUT, DELETE, TRACE or made-up methods, and private pages are not cached."""

import pytest

from tests.factories import MeetingFactory, PledgeFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(public_dashboard, editor, organization):
    pledge = PledgeFactory(lead_organization=organization)
    draft = ProgressUpdateFactory(pledge=pledge, organization=organization, author=editor)
    meeting = MeetingFactory(is_published=True)
    return {
        "read": [
            "/",
            "/pledges/",
            f"/pledges/{pledge.pk}/",
            "/organizations/",
            f"/organizations/{organization.slug}/",
            "/meetings/",
            f"/meetings/{meeting.number}/",
            f"/meetings/{meeting.number}/report/",
            f"/meetings/{meeting.number}/meeting.ics",
            "/my/",
            "/review/",
            "/review/translations/",
            "/pledges/export.csv",
            "/pledges/updates-export.csv",
            "/api/v1/",
            "/api/v1/pledges/",
        ],
        "forms": [
            f"/pledges/{PledgeFactory(lead_organization=organization).pk}/updates/new/",
            f"/updates/{draft.pk}/edit/",
            "/accounts/profile/",
        ],
    }


def test_read_pages_answer_get_and_head_but_not_post(client, site, secretariat, editor):
    for path in site["read"]:
        client.force_login(editor if path == "/my/" else secretariat)
        assert client.get(path).status_code == 200, path
        if not path.startswith("/api/v1/") or path == "/api/v1/":
            # (django-ninja's API routes answer GET only.)
            assert client.head(path).status_code == 200, path
        response = client.post(path, {})
        assert response.status_code == 405, path
        assert set(response["Allow"].split(", ")) <= {"GET", "HEAD"}


def test_forms_answer_get_and_post_only(client, site, editor):
    client.force_login(editor)
    for path in site["forms"]:
        assert client.get(path).status_code == 200, path
        assert client.generic("PUT", path).status_code == 405, path


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "FOO"])
def test_no_page_answers_other_methods(client, site, secretariat, method):
    client.force_login(secretariat)
    paths = [
        *site["read"],
        *site["forms"],
        "/admin/",
        "/admin/pledges/pledge/",
        "/accounts/login/",
        "/i18n/setlang/",
    ]
    for path in paths:
        response = client.generic(method, path)
        assert response.status_code == 405, (method, path)
        assert b"<main" not in response.content  # not the page itself


def test_private_pages_are_not_stored_by_caches(client, site, secretariat, editor):
    client.force_login(editor)
    for path in ["/my/", *site["forms"]]:
        cache_control = client.get(path)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, path
    client.force_login(secretariat)
    for path in ("/review/", "/review/translations/"):
        cache_control = client.get(path)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, path
