"""Hostile input everywhere: NUL bytes, 10,000-character values and unpaired surrogates in
every GET parameter of every page and every field of every form, and bidirectional
controls in those that hold an address, as anonymous, editor and secretariat. No answer
is a 5xx, and a refused form leaves the database as it was.

Values are percent-encoded by hand, as a client may send them: an unpaired surrogate
cannot be encoded as UTF-8 by the test client, but its bytes can be sent.
"""

from urllib.parse import quote

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import connection
from django.test import Client

from dashboards.filters import PledgeFilter
from tests.admin_forms import _form_data, admin_payload
from tests.factories import (
    AgendaItemFactory,
    IndicatorFactory,
    MeetingFactory,
    MembershipFactory,
    PledgeFactory,
    ProgressUpdateFactory,
    SecretariatUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

HOSTILE = {
    "nul": "a\x00b",
    "long": "x" * 10_000,
    "surrogate": "\ud800",
    "bidi": "https://example.org/\u202egpj.exe",
}
# A right-to-left override is only hostile where the value is taken for an address (a link
# that reads other than it goes); anywhere else it is text like any other.
ADDRESS_NAMES = ("next", "url", "website", "link")


def _hostile_for(name: str) -> dict[str, str]:
    if any(word in name for word in ADDRESS_NAMES):
        return HOSTILE
    return {kind: value for kind, value in HOSTILE.items() if kind != "bidi"}


OUR_APPS = {"accounts", "organizations", "pledges", "meetings"}
# Parameters a page might read (the others are ignored by every page); the pledge list
# reads its FilterSet's parameters too.
COMMON_PARAMS = ["q", "page", "next"]


def _enc(value: str) -> str:
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def _query(params: dict) -> str:
    return "&".join(f"{_enc(k)}={_enc(v)}" for k, v in params.items())


def _body(data: dict) -> str:
    pairs = []
    for key, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append(f"{_enc(key)}={_enc(str(item))}")
    return "&".join(pairs)


def _snapshot():
    """The number of rows of every table of ours, in one query."""
    tables = [
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in OUR_APPS
    ]
    counts = ", ".join(f"(SELECT COUNT(*) FROM {connection.ops.quote_name(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        return cursor.fetchone()


@pytest.fixture
def cast(public_dashboard):
    editor = MembershipFactory(role="editor").user
    organization = editor.memberships.get().organization
    pledge = PledgeFactory(lead_organization=organization)
    IndicatorFactory(pledge=pledge)
    fresh_pledge = PledgeFactory(lead_organization=organization)
    IndicatorFactory(pledge=fresh_pledge)
    draft = ProgressUpdateFactory(pledge=pledge, organization=organization, author=editor)
    submitted = ProgressUpdateFactory(
        pledge=PledgeFactory(lead_organization=organization),
        organization=organization,
        submitted=True,
    )
    published = ProgressUpdateFactory(published=True)
    meeting = MeetingFactory(is_published=True)
    AgendaItemFactory(meeting=meeting)
    return {
        "anonymous": None,
        "editor": editor,
        "secretariat": SecretariatUserFactory(),
        "pages": [
            "/",
            "/pledges/",
            f"/pledges/{pledge.pk}/",
            f"/pledges/{published.pledge_id}/",
            "/organizations/",
            f"/organizations/{organization.slug}/",
            "/meetings/",
            f"/meetings/{meeting.number}/",
            f"/meetings/{meeting.number}/report/",
            f"/meetings/{meeting.number}/meeting.ics",
            "/my/",
            "/review/",
            "/accounts/login/",
            "/accounts/password_reset/",
            "/pledges/export.csv",
            "/pledges/export.json",
            "/pledges/updates-export.xlsx",
            "/api/v1/",
            "/api/v1/pledges/",
            f"/api/v1/pledges/{pledge.pk}/",
            "/api/v1/updates/",
            "/api/v1/organizations/",
            "/api/v1/meetings/",
        ],
        "fresh_pledge": fresh_pledge,
        "draft": draft,
        "submitted": submitted,
    }


def _client(user):
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def _params_for(path):
    if path == "/pledges/" or path.startswith(("/pledges/export", "/pledges/updates-export")):
        return [*PledgeFilter.base_filters, "page"]
    if path.startswith("/api/v1/") and path != "/api/v1/":
        return [*PledgeFilter.base_filters, "page", "page_size"]
    return COMMON_PARAMS


@pytest.mark.parametrize("role", ["anonymous", "editor", "secretariat"])
def test_every_get_parameter_of_every_page(cast, role):
    client = _client(cast[role])
    failures = []
    for path in cast["pages"]:
        for param in _params_for(path):
            for kind, value in _hostile_for(param).items():
                response = client.get(path, QUERY_STRING=_query({param: value}))
                if response.status_code >= 500:
                    failures.append((path, param, kind, response.status_code))
    assert failures == [], "\n".join(map(str, failures))


def test_every_get_parameter_of_every_admin_list(cast):
    client = _client(cast["secretariat"])
    failures = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in OUR_APPS:
            continue
        path = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        params = ["q", "o", "p", "_to_field", "e"]
        params += [f"{f}__exact" for f in model_admin.list_filter if isinstance(f, str)]
        params += [f"{f}__id__exact" for f in model_admin.list_filter if isinstance(f, str)]
        for param in params:
            for kind, value in _hostile_for(param).items():
                response = client.get(path, QUERY_STRING=_query({param: value}))
                if response.status_code >= 500:
                    failures.append((path, param, kind, response.status_code))
        auto = {"app_label": model._meta.app_label, "model_name": model._meta.model_name}
        for kind, value in HOSTILE.items():
            query = _query({**auto, "field_name": "pledge", "term": value})
            response = client.get("/admin/autocomplete/", QUERY_STRING=query)
            if response.status_code >= 500:
                failures.append(("autocomplete", model, kind, response.status_code))
    assert failures == [], "\n".join(map(str, failures))


def _post_each_field(client, path, baseline: dict, fields, failures):
    """POST ``baseline`` with one field at a time replaced by each hostile value."""
    counts = _snapshot()
    for field in fields:
        for kind, value in _hostile_for(field).items():
            data = {**baseline, field: value}
            response = client.post(
                path, _body(data), content_type="application/x-www-form-urlencoded"
            )
            if response.status_code >= 500:
                failures.append((path, field, kind, response.status_code))
                continue
            now = _snapshot()
            if response.status_code != 302 and now != counts:
                failures.append((path, field, kind, "half-written"))
            counts = now


def _site_form(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    form = response.context["form"]
    return _form_data(form), list(form.fields)


def test_every_field_of_every_site_form(cast):
    failures = []
    anonymous = _client(None)
    for path in ["/accounts/login/", "/accounts/password_reset/"]:
        baseline, fields = _site_form(anonymous, path)
        _post_each_field(anonymous, path, baseline, fields, failures)
    _post_each_field(
        anonymous, "/i18n/setlang/", {"language": "en"}, ["language", "next"], failures
    )

    editor = _client(cast["editor"])
    for path in [
        f"/pledges/{cast['fresh_pledge'].pk}/updates/new/",
        f"/updates/{cast['draft'].pk}/edit/",
        "/accounts/password_change/",
    ]:
        baseline, fields = _site_form(editor, path)
        _post_each_field(editor, path, baseline, fields, failures)
    _post_each_field(editor, f"/updates/{cast['draft'].pk}/submit/", {}, ["version"], failures)

    secretariat = _client(cast["secretariat"])
    submitted = cast["submitted"].pk
    _post_each_field(secretariat, f"/updates/{submitted}/return/", {}, ["comment"], failures)
    _post_each_field(secretariat, f"/updates/{submitted}/publish/", {}, ["version"], failures)
    assert failures == [], "\n".join(map(str, failures))


def test_every_field_of_every_admin_form(cast):
    """As the secretariat where it may add, as a superuser where only a superuser may."""
    secretariat = _client(cast["secretariat"])
    superuser = _client(UserFactory(is_staff=True, is_superuser=True))
    failures = []
    for model in admin.site._registry:
        if model._meta.app_label not in OUR_APPS:
            continue
        path = f"/admin/{model._meta.app_label}/{model._meta.model_name}/add/"
        for client in (secretariat, superuser):
            page = client.get(path)
            if page.status_code == 200:
                break
        else:
            continue  # nobody adds these (written by a command)
        baseline = admin_payload(page)
        fields = list(page.context["adminform"].form.fields)
        _post_each_field(client, path, baseline, fields, failures)
    # The life-cycle actions, with hostile selections.
    path = "/admin/pledges/progressupdate/"
    baseline = {"action": "publish_updates", "_selected_action": str(cast["submitted"].pk)}
    _post_each_field(secretariat, path, baseline, ["action", "_selected_action"], failures)
    assert failures == [], "\n".join(map(str, failures))
