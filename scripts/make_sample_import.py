"""Write the sample import files in fixtures/ from the seed data (run on a database that
holds only the seed data: `python manage.py shell < scripts/make_sample_import.py`).

fixtures/sample-import.xlsx has a sheet per table; the three CSV files are the same tables
for the admin's import pages, one model each. Only the import columns are written.
"""

from pathlib import Path

from django.conf import settings

from exchange import exporting
from exchange.resources import RESOURCES

tables = exporting.everything_tables(include_unpublished_meetings=True)
del tables["updates"]  # the network's own reports: entered in the site, not imported
samples = {}
for name, (headers, rows) in tables.items():
    resource = RESOURCES[name]()
    keep = [
        i
        for i, h in enumerate(headers)
        if h in resource.columns
        or h.startswith("indicator_")
        and not h.endswith(("_actual", "_actual_as_of"))
    ]
    samples[name] = ([headers[i] for i in keep], [[row[i] for i in keep] for row in rows])
fixtures = Path(settings.BASE_DIR) / "fixtures"
(fixtures / "sample-import.xlsx").write_bytes(exporting.to_xlsx(samples))
for name, (headers, rows) in samples.items():
    (fixtures / f"sample-{name}.csv").write_bytes(exporting.to_csv(headers, rows))
print("Wrote", ", ".join(f"sample-{n}.csv" for n in samples), "and sample-import.xlsx")
