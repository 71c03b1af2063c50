from django.core.management import call_command
from django.core.management.base import BaseCommand

from pledges.models import Objective


class Command(BaseCommand):
    help = (
        "Load the seed data (fixtures/reference.json and network.json) into an empty "
        "database. Does nothing when the GCR objectives are already there, so running it "
        "again never overwrites what was changed or published since; --force reloads."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Reload even if seed data is present."
        )

    def handle(self, *args, force=False, **options):
        if Objective.objects.exists() and not force:
            self.stdout.write("Seed data already loaded: nothing to do (use --force to reload).")
            return
        call_command("loaddata", "reference", "network", verbosity=options["verbosity"])
