"""Time the dashboard, pledge list, pledge page and organization pages at a few data sizes.

    .venv/bin/python scripts/benchmark.py [--sizes 10 100 500 2000] [--runs 5]

Builds made-up data (every name starts with "Demo") in a throwaway SQLite database in a
temporary directory, so it never touches db.sqlite3 or PostgreSQL, and prints for each size
and page the median time of ``--runs`` requests and the number of SQL queries. The query
count should not change with the size; the time should grow slowly. Speed is measured here,
never by timed assertions in the tests.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def configure(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["GRFNET_PUBLIC_DASHBOARD"] = "True"
    os.environ["GRFNET_PRODUCTION"] = "False"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "grfnet.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()  # lets the test client's "testserver" host in
    call_command("migrate", verbosity=0)


def build(size: int):
    """``size`` Demo pledges, with organizations, updates and meetings in proportion
    (``meetings.demo_data``, the builder of ``manage.py generate_demo_data``)."""
    from meetings.demo_data import DemoSize, build_demo_data

    return build_demo_data(
        DemoSize(
            organizations=max(5, size // 3),
            pledges=size,
            updates_per_pledge=3,
            meetings=max(2, min(12, size // 100)),
        )
    )


def measure(client, url: str, runs: int) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm up templates and caches
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return statistics.median(timings) * 1000, len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 500, 2000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="grfnet-benchmark-") as directory:
        configure(Path(directory) / "benchmark.sqlite3")
        from django.test import Client
        from django.urls import reverse

        client = Client()
        print(f"{'pledges':>8}  {'page':<34} {'median ms':>10} {'queries':>8}")
        for size in args.sizes:
            started = time.perf_counter()
            made = build(size)
            built = time.perf_counter() - started
            print(f"{size:>8}  (built in {built:.1f} s)")
            pages = [
                ("dashboard", reverse("dashboards:home")),
                ("pledge list", reverse("dashboards:pledge_list")),
                ("pledge list, filtered and sorted",
                 reverse("dashboards:pledge_list") + "?objective=2&stale=1&q=tokyo&sort=-progress"),
                ("pledge list, page 3", reverse("dashboards:pledge_list") + "?page=3"),
                ("pledge page", made.pledge_with_most_updates.get_absolute_url()),
                ("organizations", reverse("dashboards:organization_list")),
                ("organization page", made.largest_organization.get_absolute_url()),
            ]  # fmt: skip
            for name, url in pages:
                milliseconds, queries = measure(client, url, args.runs)
                print(f"{size:>8}  {name:<34} {milliseconds:>10.1f} {queries:>8}")


if __name__ == "__main__":
    main()
