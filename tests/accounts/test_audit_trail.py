"""The secretariat reads who changed what in the admin, filterable; nobody edits it."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from organizations.models import Membership
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

AUDIT = reverse("admin:admin_logentry_changelist")


def test_a_secretariat_member_making_itself_editor_shows_in_the_audit_trail(client, secretariat):
    organization = OrganizationFactory(name_en="Demo Relief")
    client.force_login(secretariat)
    response = client.post(
        reverse("admin:organizations_membership_add"),
        {"user": secretariat.pk, "organization": organization.pk, "role": "editor"},
    )
    assert response.status_code == 302
    assert Membership.objects.filter(user=secretariat, role="editor").exists()

    membership_type = ContentType.objects.get_for_model(Membership)
    page = client.get(AUDIT, {"content_type__id__exact": membership_type.pk})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Demo Relief" in html
    assert secretariat.username in html or str(secretariat) in html
    assert "Added" in html


def test_the_audit_trail_filters_by_person_and_kind_of_object(client, secretariat):
    other = UserFactory(username="someone-else")
    for user, name in ((other, "Other Org"), (secretariat, "My Org")):
        LogEntry.objects.log_actions(
            user_id=user.pk,
            queryset=[OrganizationFactory(name_en=name)],
            action_flag=2,
            change_message="Changed name.",
            single_object=True,
        )
    client.force_login(secretariat)
    mine = client.get(AUDIT, {"user__id__exact": secretariat.pk}).content.decode()
    assert "My Org" in mine and "Other Org" not in mine
    theirs = client.get(AUDIT, {"user__id__exact": other.pk}).content.decode()
    assert "Other Org" in theirs


def test_the_audit_trail_is_read_only_and_for_the_secretariat_only(client, secretariat):
    from django.contrib.auth.models import Permission

    it_admin = UserFactory(is_staff=True)
    it_admin.user_permissions.add(Permission.objects.get(codename="view_logentry"))
    client.force_login(it_admin)
    assert client.get(AUDIT).status_code == 403
    client.force_login(secretariat)
    assert client.get(AUDIT).status_code == 200
    entry = LogEntry.objects.log_actions(
        user_id=secretariat.pk,
        queryset=[OrganizationFactory()],
        action_flag=1,
        single_object=True,
    )
    change = client.post(reverse("admin:admin_logentry_change", args=[entry.pk]), {})
    assert change.status_code == 403
    delete = client.post(reverse("admin:admin_logentry_delete", args=[entry.pk]), {"post": "yes"})
    assert delete.status_code == 403
    assert LogEntry.objects.filter(pk=entry.pk).exists()
