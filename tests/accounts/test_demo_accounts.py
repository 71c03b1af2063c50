import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from organizations.models import Membership
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_demo_accounts_refuse_to_be_created_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=True"):
        call_command("create_demo_accounts")
    assert not User.objects.exists()


def test_demo_accounts_are_a_secretariat_user_and_one_editor_per_organization(settings, capsys):
    settings.DEBUG = True
    OrganizationFactory(slug="welcome-japan")
    OrganizationFactory(slug="soka-gakkai")
    call_command("create_demo_accounts")
    call_command("create_demo_accounts")

    secretariat = User.objects.get(username="secretariat")
    assert secretariat.is_staff and secretariat.groups.filter(name="Secretariat").exists()
    assert secretariat.check_password("grfnet-demo")
    assert Membership.objects.filter(role="editor").count() == 2
    assert User.objects.count() == 3
    output = capsys.readouterr().out
    assert "editor-welcome-japan" in output and "grfnet-demo" in output


def test_the_migrated_secretariat_group_has_exactly_the_documented_permissions():
    from django.contrib.auth.models import Group

    from accounts.secretariat import secretariat_permission_codes

    group = Group.objects.filter(name="Secretariat").first()
    if group is None:
        pytest.skip("a transactional test flushed the database, and the migrated group with it")
    granted = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert granted == secretariat_permission_codes()
