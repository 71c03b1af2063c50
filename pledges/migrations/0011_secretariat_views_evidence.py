"""Let the Secretariat group see the evidence files of updates in the admin (read-only:
files change only through the update form, which checks them)."""

from django.db import migrations


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("pledges")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Secretariat").first()
    if group is not None:
        group.permissions.add(
            Permission.objects.get(content_type__app_label="pledges", codename="view_attachment")
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Secretariat").first()
    permission = Permission.objects.filter(
        content_type__app_label="pledges", codename="view_attachment"
    ).first()
    if group is not None and permission is not None:
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0010_evidence_files_and_follows"),
        ("accounts", "0002_secretariat_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
