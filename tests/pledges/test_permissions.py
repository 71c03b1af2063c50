"""Who may use the update pages: a matrix of URL x role, and who sees drafts."""

import pytest
from django.urls import reverse

from tests.factories import MembershipFactory, PledgeFactory, ProgressUpdateFactory
from tests.pledges.update_helpers import State

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "plain_user", "outsider", "viewer", "editor", "secretariat"]

# (name, method, target, expected status per role). "target" says which object the URL
# names: the organization's pledge, its draft, or its submitted update. 302 for anonymous
# is the redirect to sign in; 302 for others is success (POST-redirect-GET).
MATRIX = [
    ("dashboards:workspace", "get", None, [302, 200, 200, 200, 200, 200]),
    ("update_create", "get", "pledge", [302, 403, 403, 403, 200, 403]),
    ("update_create", "post", "pledge", [302, 403, 403, 403, 302, 403]),
    ("update_edit", "get", "draft", [302, 404, 404, 403, 200, 403]),
    ("update_edit", "post", "draft", [302, 404, 404, 403, 302, 403]),
    ("update_submit", "post", "draft", [302, 404, 404, 403, 302, 403]),
    ("review", "get", None, [302, 403, 403, 403, 403, 200]),
    ("update_publish", "post", "submitted", [302, 404, 404, 403, 403, 302]),
    ("update_return", "post", "submitted", [302, 404, 404, 403, 403, 302]),
]


@pytest.fixture
def cast(request, organization):
    """The user for a role name, built from the shared fixtures."""

    def user_for(role):
        return None if role == "anonymous" else request.getfixturevalue(role)

    return user_for


def _target(kind, organization):
    pledge = PledgeFactory(lead_organization=organization)
    if kind == "pledge":
        return pledge
    if kind == "draft":
        return ProgressUpdateFactory(pledge=pledge)
    if kind == "submitted":
        return ProgressUpdateFactory(pledge=pledge, submitted=True)
    return None


@pytest.mark.parametrize(
    ("url_name", "method", "target", "role", "expected"),
    [
        (url_name, method, target, role, statuses[i])
        for url_name, method, target, statuses in MATRIX
        for i, role in enumerate(ROLES)
    ],
)
def test_permission_matrix(client, cast, organization, url_name, method, target, role, expected):
    obj = _target(target, organization)
    url = reverse(
        url_name if ":" in url_name else f"pledges:{url_name}", kwargs={"pk": obj.pk} if obj else {}
    )
    user = cast(role)
    if user is not None:
        client.force_login(user)
    data = {
        "stage": "in_progress",
        "achievements": "x",
        # Publishing asks for the confirmation box and sends no comment.
        "comment": "" if url_name == "update_publish" else "Add figures.",
        "confirm_publish": "on",
        "version": getattr(obj, "version", ""),
    }

    response = getattr(client, method)(url, data) if method == "post" else client.get(url)

    assert response.status_code == expected
    if role == "anonymous":
        assert response.url.startswith(reverse("login"))


def test_refused_writes_change_nothing(client, viewer, secretariat, organization):
    draft = ProgressUpdateFactory(pledge=PledgeFactory(lead_organization=organization))
    for user in (viewer, secretariat):
        client.force_login(user)
        client.post(reverse("pledges:update_submit", kwargs={"pk": draft.pk}), {"version": 1})
    draft.refresh_from_db()
    assert draft.state == State.DRAFT


def test_secretariat_who_is_also_an_editor_may_submit_for_that_organization(
    client, secretariat, organization
):
    MembershipFactory(user=secretariat, organization=organization, role="editor")
    draft = ProgressUpdateFactory(pledge=PledgeFactory(lead_organization=organization))
    client.force_login(secretariat)

    client.post(reverse("pledges:update_submit", kwargs={"pk": draft.pk}), {"version": 1})

    draft.refresh_from_db()
    assert draft.state == State.SUBMITTED


def test_an_editor_may_not_publish_their_own_update(client, editor, organization):
    update = ProgressUpdateFactory(
        pledge=PledgeFactory(lead_organization=organization), submitted=True
    )
    client.force_login(editor)
    response = client.post(reverse("pledges:update_publish", kwargs={"pk": update.pk}))
    assert response.status_code == 403
    update.refresh_from_db()
    assert update.state == State.SUBMITTED


def test_a_published_update_of_another_organization_is_visible_but_not_editable(
    client, outsider, organization
):
    update = ProgressUpdateFactory(
        pledge=PledgeFactory(lead_organization=organization), published=True
    )
    client.force_login(outsider)
    assert client.get(reverse("pledges:update_edit", kwargs={"pk": update.pk})).status_code == 403


@pytest.mark.parametrize("state", [State.DRAFT, State.RETURNED])
def test_nobody_outside_the_organization_and_secretariat_sees_a_draft_or_returned_update(
    client, editor, viewer, outsider, secretariat, plain_user, organization, public_dashboard, state
):
    pledge = PledgeFactory(lead_organization=organization)
    update = ProgressUpdateFactory(
        pledge=pledge, state=state, achievements="Secret draft text", review_comment="Fix it"
    )
    markers = ["Secret draft text", f'id="update-{update.pk}"']
    pages = [
        reverse("pledges:update_edit", kwargs={"pk": update.pk}),
        reverse("dashboards:workspace"),
        reverse("pledges:review"),
        reverse("dashboards:home"),
        pledge.get_absolute_url(),
    ]

    def seen_by(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        html = "".join(client.get(url).content.decode() for url in pages)
        return any(marker in html for marker in markers)

    assert seen_by(editor) and seen_by(viewer)
    assert not seen_by(outsider)
    assert not seen_by(plain_user)
    assert not seen_by(None)
    client.force_login(secretariat)
    admin_page = client.get(reverse("admin:pledges_progressupdate_change", args=[update.pk]))
    assert "Secret draft text" in admin_page.content.decode()
