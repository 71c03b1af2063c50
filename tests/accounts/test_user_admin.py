"""The secretariat manages accounts in the admin without being able to raise privileges."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.access import is_secretariat
from accounts.models import User
from tests.factories import SecretariatUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def _change_payload(user, **overrides):
    return {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": "on",
        "is_staff": "on" if user.is_staff else "",
        "preferred_language": user.preferred_language,
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        **overrides,
    }


def test_secretariat_cannot_make_itself_superuser(client, secretariat):
    client.force_login(secretariat)
    url = reverse("admin:accounts_user_change", args=[secretariat.pk])
    page = client.get(url).content.decode()
    assert 'name="is_superuser"' not in page
    assert 'name="user_permissions"' not in page

    response = client.post(url, _change_payload(secretariat, is_superuser="on"))
    assert response.status_code == 302
    secretariat.refresh_from_db()
    assert not secretariat.is_superuser


def test_secretariat_can_only_give_the_secretariat_group(client, secretariat):
    Group.objects.create(name="Site administrators")
    client.force_login(secretariat)
    page = client.get(reverse("admin:accounts_user_change", args=[UserFactory().pk]))
    choices = page.context["adminform"].form.fields["groups"].queryset
    assert list(choices.values_list("name", flat=True)) == ["Secretariat"]


def test_secretariat_cannot_see_or_change_a_superuser_account(client, secretariat):
    root = User.objects.create_superuser("root", "root@example.org", "x-very-long-password-1")
    client.force_login(secretariat)
    changelist = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "root@example.org" not in changelist
    assert client.get(reverse("admin:accounts_user_change", args=[root.pk])).status_code == 302
    password_url = reverse("admin:auth_user_password_change", args=[root.pk])
    assert client.get(password_url).status_code == 404


def test_staff_status_alone_does_not_make_someone_secretariat(client):
    it_admin = UserFactory(is_staff=True)
    assert not is_secretariat(it_admin)
    client.force_login(it_admin)
    assert client.get(reverse("pledges:review")).status_code == 403
    assert "Review" not in client.get(reverse("dashboards:workspace")).content.decode()


def _it_admin():
    """Staff outside the Secretariat group with a permission the secretariat lacks."""
    from django.contrib.auth.models import Permission

    user = UserFactory(is_staff=True, email="it@example.org")
    user.user_permissions.add(Permission.objects.get(codename="change_group"))
    return user


def _other_group_member():
    user = UserFactory(email="auditor@example.org")
    user.groups.add(Group.objects.create(name="Auditors"))
    return user


def _staff_outside_the_group():
    return UserFactory(is_staff=True, email="staff@example.org")


@pytest.mark.parametrize("make", [_it_admin, _other_group_member, _staff_outside_the_group])
def test_secretariat_cannot_take_over_an_account_with_more_rights(client, secretariat, make):
    stronger = make()
    old_password = stronger.password
    client.force_login(secretariat)
    changelist = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert stronger.email not in changelist
    change_url = reverse("admin:accounts_user_change", args=[stronger.pk])
    assert client.get(change_url).status_code == 302  # "does not exist", back to the index
    password_url = reverse("admin:auth_user_password_change", args=[stronger.pk])
    assert client.get(password_url).status_code == 404
    new = "another-long-password-42"
    assert client.post(password_url, {"password1": new, "password2": new}).status_code == 404
    stronger.refresh_from_db()
    assert stronger.password == old_password


def test_secretariat_still_manages_members_and_colleagues(client, secretariat):
    SecretariatUserFactory(email="colleague@example.org")
    member = UserFactory(email="member@example.org")
    client.force_login(secretariat)
    changelist = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "colleague@example.org" in changelist and "member@example.org" in changelist
    url = reverse("admin:auth_user_password_change", args=[member.pk])
    assert client.get(url).status_code == 200


def test_saving_a_user_as_the_secretariat_keeps_the_groups_it_cannot_see(rf, secretariat):
    from django.contrib import admin

    from accounts.admin import UserAdmin

    auditors = Group.objects.create(name="Auditors")
    user = UserFactory()
    user.groups.add(auditors)
    model_admin = UserAdmin(User, admin.site)
    request = rf.post("/")
    request.user = secretariat
    form_class = model_admin.get_form(request, user, change=True)
    data = _change_payload(user, groups=[])
    data.pop("memberships-TOTAL_FORMS")
    form = form_class(data, instance=user)
    assert form.is_valid(), form.errors
    model_admin.save_model(request, form.save(commit=False), form, change=True)
    model_admin.save_related(request, form, [], change=True)
    assert list(user.groups.values_list("name", flat=True)) == ["Auditors"]
