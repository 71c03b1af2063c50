from django.core.management.base import BaseCommand

from pledges import seed


class Command(BaseCommand):
    help = (
        "Load the seed data (fixtures/reference.json and network.json) into an empty "
        "database. Does nothing when the GCR objectives are already there, so running it "
        "again never overwrites what was changed or published since. --force brings an "
        "existing database up to the fixtures' facts: it adds what is missing and fills in "
        "what the fixtures know, and keeps every update, link and text users wrote."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Update an existing database to the seed data's facts (keeps users' work).",
        )

    def handle(self, *args, force=False, **options):
        if not seed.seed_is_loaded():
            seed.seed_load_empty(verbosity=options["verbosity"])
            return
        if not force:
            self.stdout.write("Seed data already loaded: nothing to do (use --force to update).")
            return
        report = seed.seed_update()
        self.stdout.write(str(report))
