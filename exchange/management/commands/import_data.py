from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from exchange.importing import import_file
from exchange.reading import ImportRefused


class Command(BaseCommand):
    help = (
        "Import organizations, pledges, meetings and published updates from a CSV file, an "
        "Excel workbook (.xlsx, one sheet a table) or the ZIP of CSV files that export_data "
        "writes. Prints the preview; with any refused row nothing is written and the command "
        "exits non-zero. --dry-run only prints the preview."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV, xlsx or ZIP file to import.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Show the preview; write nothing."
        )

    def handle(self, *args, file, dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            preview = import_file(path.read_bytes(), path.name, dry_run=dry_run)
        except ImportRefused as refusal:
            raise CommandError("\n".join(refusal.messages)) from None
        for line in preview.lines():
            self.stdout.write(line)
        if preview.refused:
            raise CommandError("Nothing was imported: correct the refused rows and try again.")
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
        else:
            self.stdout.write(self.style.SUCCESS("Imported."))
