import pytest
from django.apps import apps
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse

from pledges.models import ProgressUpdate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

OUR_APPS = {"accounts", "organizations", "pledges", "meetings"}
REGISTERED = sorted(
    (model._meta.app_label, model._meta.model_name)
    for model in admin.site._registry
    if model._meta.app_label in OUR_APPS
)
# Read-only for the secretariat by design: published updates are never deleted and
# their changes are kept in history; fixtures hold the objectives.
NO_ADD_PAGE = {
    ("pledges", "objective"),
    ("pledges", "progressupdate"),
    ("meetings", "remindersent"),  # written by send_update_reminders
}


@pytest.fixture
def seeded(db):
    call_command("loaddata", "reference", "network", verbosity=0)


@pytest.mark.parametrize(("app_label", "model_name"), REGISTERED)
def test_secretariat_opens_every_changelist_change_and_add_page(
    client, secretariat, seeded, app_label, model_name
):
    client.force_login(secretariat)
    changelist = client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))
    assert changelist.status_code == 200
    obj = apps.get_model(app_label, model_name)._default_manager.order_by("pk").first()
    if obj is not None:
        change = client.get(reverse(f"admin:{app_label}_{model_name}_change", args=[obj.pk]))
        assert change.status_code == 200
    add = client.get(reverse(f"admin:{app_label}_{model_name}_add"))
    assert add.status_code == (403 if (app_label, model_name) in NO_ADD_PAGE else 200)


def test_changelist_search_finds_a_pledge_by_its_japanese_title(client, secretariat, seeded):
    client.force_login(secretariat)
    response = client.get(reverse("admin:pledges_pledge_changelist"), {"q": "仏教界"})
    assert "New initiatives for refugee support" in response.content.decode()


def test_secretariat_cannot_delete_progress_updates(client, secretariat, seeded):
    client.force_login(secretariat)
    update = ProgressUpdate.objects.first()
    response = client.get(reverse("admin:pledges_progressupdate_delete", args=[update.pk]))
    assert response.status_code == 403


def test_non_staff_user_is_refused_by_the_admin(client, seeded):
    client.force_login(UserFactory())
    response = client.get(reverse("admin:pledges_pledge_changelist"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_anonymous_visitor_is_sent_to_the_admin_sign_in(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302


def test_secretariat_sees_failed_sign_ins_and_can_unlock_but_not_manage_groups(client, secretariat):
    client.force_login(secretariat)
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 200
    assert client.get(reverse("admin:axes_accessattempt_add")).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403
