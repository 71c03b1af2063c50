import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from meetings import demo_data


class Command(BaseCommand):
    help = (
        "Replace the network data (organizations, pledges, updates, meetings) with made-up "
        "data whose names start with 'Demo'. Refuses to run when the database holds "
        "anything else, unless --force (which deletes it). The Forum size: --organizations "
        "1300 --pledges 3500 --updates-per-pledge 50 --meetings 12."
    )

    def add_arguments(self, parser):
        default = demo_data.DemoSize()
        parser.add_argument("--organizations", type=int, default=default.organizations)
        parser.add_argument("--pledges", type=int, default=default.pledges)
        parser.add_argument(
            "--updates-per-pledge",
            type=int,
            default=default.updates_per_pledge,
            help="Published updates of each pledge that has reported (one in 20 has not).",
        )
        parser.add_argument("--meetings", type=int, default=default.meetings)
        parser.add_argument(
            "--seed", type=int, default=default.seed, help="The same seed makes the same data."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even if the database holds data not made by this command, deleting it.",
        )

    def handle(self, *args, force=False, **options):
        for name in ("organizations", "pledges", "meetings"):
            if options[name] < 1:
                raise CommandError(f"--{name} must be at least 1.")
        if options["updates_per_pledge"] < 0:
            raise CommandError("--updates-per-pledge must not be negative.")
        if not force and demo_data.other_data_present():
            raise CommandError(
                "This database holds organizations, pledges or meetings that are not demo "
                "data; generate_demo_data would delete them. Use --force to do so anyway."
            )
        size = demo_data.DemoSize(
            organizations=options["organizations"],
            pledges=options["pledges"],
            updates_per_pledge=options["updates_per_pledge"],
            meetings=options["meetings"],
            seed=options["seed"],
        )
        started = time.monotonic()
        with tqdm(
            total=size.pledges,
            unit="pledge",
            desc="Demo data",
            file=self.stderr._out,
            disable=options["verbosity"] == 0,
        ) as bar:
            data = demo_data.build_demo_data(size, progress=bar.update)
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Made {size.pledges} demo pledges of {size.organizations} organizations, "
                    f"{size.updates_per_pledge} published updates per reporting pledge and "
                    f"{size.meetings} meetings in {time.monotonic() - started:.0f} s."
                )
            )
            self.stdout.write(
                f"Editor of {data.editor_organization.slug}: {data.editor.username}; "
                f"secretariat: {data.secretariat.username} (unusable passwords: set one in "
                "the admin or `manage.py changepassword` to sign in as them)."
            )
