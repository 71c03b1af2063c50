"""Text the database cannot store gets a clear 400 or a form error, never a 500."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url_name", ["login", "admin:login"])
def test_signing_in_with_a_very_long_user_name_is_a_form_error(client, url_name):
    response = client.post(reverse(url_name), {"username": "a" * 300, "password": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors


@pytest.fixture
def tolerant_client(client):
    """A client that returns the error page instead of raising the view's exception."""
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/admin/pledges/progressupdate/?state=%00",
        "/admin/pledges/pledge/?q=a%00b",
        "/admin/autocomplete/?app_label=pledges&model_name=pledge&field_name=pledges&term=%00",
        "/pledges/?q=%00",
        "/pledges/?stage=%00",
    ],
)
def test_a_nul_byte_in_a_query_is_a_400(tolerant_client, secretariat, path):
    tolerant_client.force_login(secretariat)
    response = tolerant_client.get(path)
    assert response.status_code == 400
    assert "The request could not be read" in response.content.decode()


def test_a_nul_byte_in_a_form_post_is_a_400_and_nothing_is_saved(tolerant_client, secretariat):
    from pledges.models import ProgressUpdate
    from tests.factories import ProgressUpdateFactory

    update = ProgressUpdateFactory(submitted=True)
    tolerant_client.force_login(secretariat)
    response = tolerant_client.post(
        reverse("admin:pledges_progressupdate_changelist"),
        {"action": "publish_updates\x00", "_selected_action": [f"{update.pk}\x00"]},
    )
    assert response.status_code == 400
    assert ProgressUpdate.objects.get(pk=update.pk).state == "submitted"


@pytest.mark.parametrize("control", ["\u202e", "\u202a", "\u2066", "\u2069"])
def test_links_refuse_text_direction_controls(control):
    from django.core.exceptions import ValidationError

    from pledges.models import validate_http_links
    from tests.factories import OrganizationFactory

    with pytest.raises(ValidationError):
        validate_http_links(f"https://example.org/{control}gpj.exe")
    organization = OrganizationFactory(website=f"https://example.org/{control}fdp.exe")
    with pytest.raises(ValidationError) as refused:
        organization.full_clean()
    assert "website" in refused.value.message_dict
    validate_http_links("https://example.org/ok\nhttps://例え.jp/")  # ordinary ones pass
