"""Create the "Secretariat" group with exactly the permissions MoFA and UNHCR staff need."""

from django.db import migrations

SECRETARIAT_GROUP = "Secretariat"

# app label -> model -> actions. Published updates are never deleted, and accounts are
# deactivated rather than deleted, so neither gets "delete".
SECRETARIAT_PERMISSIONS = {
    "accounts": {"user": ["add", "change", "view"]},
    "organizations": {
        "organization": ["add", "change", "delete", "view"],
        "membership": ["add", "change", "delete", "view"],
    },
    "pledges": {
        "objective": ["change", "view"],
        "focusarea": ["add", "change", "view"],
        "contributiontype": ["add", "change", "view"],
        "pledge": ["add", "change", "delete", "view"],
        "indicator": ["add", "change", "delete", "view"],
        "progressupdate": ["change", "view"],
        "indicatorvalue": ["add", "change", "view"],
        "historicalprogressupdate": ["view"],
    },
    "meetings": {
        "meeting": ["add", "change", "delete", "view"],
        "agendaitem": ["add", "change", "delete", "view"],
        "agendaitempledge": ["add", "change", "delete", "view"],
        "attendance": ["add", "change", "delete", "view"],
    },
    "axes": {"accessattempt": ["view", "delete"], "accessfailurelog": ["view"]},
}


def create_secretariat_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    codenames = [
        (app_label, f"{action}_{model}")
        for app_label, models in SECRETARIAT_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    ]
    permissions = []
    for app_label, codename in codenames:
        permissions.append(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    group.permissions.set(permissions)


def remove_secretariat_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=SECRETARIAT_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("organizations", "0001_initial"),
        ("pledges", "0001_initial"),
        ("meetings", "0001_initial"),
        ("axes", "0010_accessattemptexpiration"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_secretariat_group, remove_secretariat_group)]
