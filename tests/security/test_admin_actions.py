"""Every admin action runs only for the secretariat (the rule of /review/) and only with
the model permission it declares: a matrix of action x role, asserting what changed."""

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse

from accounts.models import User
from meetings.models import AgendaItem
from pledges.models import ProgressUpdate
from tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    MembershipFactory,
    ProgressUpdateFactory,
    SecretariatUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

OUR_APPS = {"accounts", "organizations", "pledges", "meetings"}


def _staff_with(*codenames):
    user = UserFactory(is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


def _role(name, model):
    """The user acting: superuser, Secretariat, staff outside the group holding view (or
    view and change) permission on the model, or an organization's editor."""
    if name == "superuser":
        return User.objects.create_superuser("root", "root@example.org", "x-very-long-password-1")
    if name == "secretariat":
        return SecretariatUserFactory()
    if name == "staff_view":
        return _staff_with(f"view_{model}")
    if name == "staff_change":
        return _staff_with(f"view_{model}", f"change_{model}")
    return UserFactory()  # made an editor below


ROLES = ["superuser", "secretariat", "staff_view", "staff_change", "editor"]
ALLOWED = {"superuser", "secretariat"}


def _submit():
    update = ProgressUpdateFactory()
    return update, lambda: ProgressUpdate.objects.get(pk=update.pk).state == "submitted"


def _publish():
    update = ProgressUpdateFactory(submitted=True)
    return update, lambda: ProgressUpdate.objects.get(pk=update.pk).state == "published"


def _return():
    update = ProgressUpdateFactory(submitted=True)
    return update, lambda: ProgressUpdate.objects.get(pk=update.pk).state == "returned"


def _copy_agenda():
    previous = MeetingFactory()
    AgendaItemFactory(meeting=previous)
    meeting = MeetingFactory()
    return meeting, lambda: AgendaItem.objects.filter(meeting=meeting).exists()


def _invite():
    person = UserFactory(email="invited@example.org")
    return person, lambda: any("invited@example.org" in m.to for m in mail.outbox)


def _reset_two_factor():
    from django_otp.plugins.otp_totp.models import TOTPDevice

    person = UserFactory()
    TOTPDevice.objects.create(user=person, name="app", confirmed=True)
    return person, lambda: not TOTPDevice.objects.filter(user=person).exists()


# (app, model, action, set-up returning the object and "did it happen?", extra POST data)
ACTIONS = [
    ("pledges", "progressupdate", "submit_updates", _submit, {}),
    ("pledges", "progressupdate", "publish_updates", _publish, {}),
    ("pledges", "progressupdate", "return_updates", _return, {"apply": "1", "comment": "Fix"}),
    ("meetings", "meeting", "copy_previous_agenda", _copy_agenda, {}),
    ("accounts", "user", "invite", _invite, {}),
    ("accounts", "user", "reset_two_factor", _reset_two_factor, {}),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("app", "model", "action", "setup", "extra"), ACTIONS, ids=[a[2] for a in ACTIONS]
)
def test_only_the_secretariat_runs_admin_actions(client, role, app, model, action, setup, extra):
    obj, happened = setup()
    user = _role(role, model)
    if isinstance(obj, ProgressUpdate):
        # Everyone edits the reporting organization, so only the admin rule decides.
        MembershipFactory(user=user, organization=obj.organization, role="editor")
    client.force_login(user)
    url = reverse(f"admin:{app}_{model}_changelist")
    response = client.post(url, {"action": action, ACTION_CHECKBOX_NAME: [obj.pk], **extra})

    if role in ALLOWED:
        assert happened(), f"{role} should be able to run {action}"
        return
    assert not happened(), f"{role} ran {action}"
    if role == "editor":
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    else:
        listing = client.get(url)
        assert listing.status_code == 200  # they still see the list...
        assert f'value="{action}"' not in listing.content.decode()  # ...without the action


def test_every_action_of_our_admin_declares_the_secretariat_rule():
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in OUR_APPS:
            continue
        for name in model_admin.actions or []:
            func = getattr(model_admin, name) if isinstance(name, str) else name
            # Django runs an action for anyone holding one of its permissions: only the
            # combined rule may be declared.
            declared = getattr(func, "allowed_permissions", ())
            assert tuple(declared) in {("secretariat_change",), ("secretariat_view",)}, (
                f"{model.__name__}.{name}"
            )


@pytest.mark.parametrize("role", ROLES)
def test_only_the_secretariat_exports_from_the_admin(client, role):
    from tests.factories import PledgeFactory

    pledge = PledgeFactory()
    client.force_login(_role(role, "pledge"))
    response = client.post(
        reverse("admin:pledges_pledge_changelist"),
        {"action": "export_pledges_csv", ACTION_CHECKBOX_NAME: [pledge.pk]},
    )
    downloaded = "attachment" in response.get("Content-Disposition", "")
    assert downloaded == (role in ALLOWED)
