"""Let the Secretariat group see which update reminders were sent (read-only: the
``send_update_reminders`` command writes them)."""

from django.db import migrations


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("meetings")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Secretariat").first()
    if group is not None:
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label="meetings", codename="view_remindersent"
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Secretariat").first()
    permission = Permission.objects.filter(
        content_type__app_label="meetings", codename="view_remindersent"
    ).first()
    if group is not None and permission is not None:
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0002_reminder_sent"),
        ("accounts", "0002_secretariat_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
