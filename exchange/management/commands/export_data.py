from pathlib import Path

from django.core.management.base import BaseCommand

from exchange import exporting


class Command(BaseCommand):
    help = (
        "Export every organization, pledge, published meeting and published update. "
        "--format xlsx writes one sheet a table; csv writes a ZIP of one CSV file a table; "
        "json writes one document. import_data reads the xlsx and csv exports back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "xlsx", "json"], required=True)
        parser.add_argument("--output", required=True, help="The file to write.")
        parser.add_argument(
            "--include-unpublished-meetings",
            action="store_true",
            help="Also export meetings not yet published (for a full copy of the data).",
        )

    def handle(self, *args, format, output, include_unpublished_meetings=False, **options):
        if format == "json":
            content = exporting.to_json(
                exporting.everything_records(
                    include_unpublished_meetings=include_unpublished_meetings
                )
            )
        else:
            tables = exporting.everything_tables(
                include_unpublished_meetings=include_unpublished_meetings
            )
            content = (
                exporting.to_xlsx(tables) if format == "xlsx" else exporting.to_csv_zip(tables)
            )
        Path(output).write_bytes(content)
        self.stdout.write(f"Wrote {output} ({len(content):,} bytes).")
