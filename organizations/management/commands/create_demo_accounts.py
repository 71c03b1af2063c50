from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.secretariat import secretariat_group_sync
from organizations.models import Membership, Organization

DEMO_PASSWORD = "grfnet-demo"  # noqa: S105 - development convenience, refused with DEBUG off


class Command(BaseCommand):
    help = (
        "Create demo accounts for local development: a secretariat user and one editor per "
        "organization. Refuses to run with DEBUG off. Safe to run again."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Demo accounts have a published password: this command only runs with DEBUG=True."
            )
        secretariat_group = secretariat_group_sync()
        rows = [("secretariat", self._user("secretariat", is_staff=True), "Secretariat")]
        rows[0][1].groups.add(secretariat_group)
        for organization in Organization.objects.active().order_by("slug"):
            user = self._user(f"editor-{organization.slug}")
            Membership.objects.update_or_create(
                user=user, organization=organization, defaults={"role": Membership.Role.EDITOR}
            )
            rows.append((user.username, user, f"editor of {organization.name_en}"))

        width = max(len(username) for username, _, _ in rows)
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for username, _, role in rows:
            self.stdout.write(f"  {username.ljust(width)}  {role}")

    def _user(self, username, is_staff=False):
        user, _ = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        user.is_staff = is_staff
        user.is_active = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        return user
