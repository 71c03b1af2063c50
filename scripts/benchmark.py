"""Time the dashboard, pledge list, pledge page and organization pages at a few data sizes.

    .venv/bin/python scripts/benchmark.py [--sizes 10 100 500 2000] [--runs 5]

Builds made-up data (every name starts with "Demo") in a throwaway SQLite database in a
temporary directory, so it never touches db.sqlite3 or PostgreSQL, and prints for each size
and page the median time of ``--runs`` requests and the number of SQL queries. The query
count should not change with the size; the time should grow slowly. Speed is measured here,
never by timed assertions in the tests.
"""

import argparse
import datetime
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


def build(size: int) -> dict:
    """``size`` Demo pledges, with organizations, updates and meetings in proportion.
    Bulk inserts, so that thousands of pledges take seconds."""
    from django.utils import timezone

    from meetings.models import Meeting
    from organizations.models import Organization
    from pledges.models import FocusArea, Indicator, Objective, Pledge, ProgressUpdate

    now = timezone.now()
    stages = ["planning", "in_progress", "fulfilled", "none"]
    objectives = [
        Objective.objects.create(number=n, title_en=f"Demo objective {n}") for n in (1, 2, 3, 4)
    ]
    areas = FocusArea.objects.bulk_create(
        FocusArea(slug=f"demo-area-{n}", name_en=f"Demo area {n}", order=n) for n in range(8)
    )
    kinds = [kind for kind, _label in Organization.Kind.choices]
    organizations = Organization.objects.bulk_create(
        Organization(
            slug=f"demo-org-{n}", name_en=f"Demo organization {n}", kind=kinds[n % len(kinds)]
        )
        for n in range(max(5, size // 10))
    )
    pledges = Pledge.objects.bulk_create(
        Pledge(
            title_en=f"Demo pledge {n}",
            title_ja=f"デモ・プレッジ{n}",
            description_en=f"Demo description of pledge {n}.",
            lead_organization=organizations[n % len(organizations)],
            current_stage=stages[n % 4],
            current_progress=None if n % 4 == 3 else (n * 7) % 101,
            last_published_at=None if n % 4 == 3 else now - datetime.timedelta(days=n % 400),
        )
        for n in range(size)
    )
    through = Pledge.objectives.through
    through.objects.bulk_create(
        through(pledge=p, objective=objectives[n % 4]) for n, p in enumerate(pledges)
    )
    through = Pledge.focus_areas.through
    through.objects.bulk_create(
        through(pledge=p, focusarea=areas[n % len(areas)]) for n, p in enumerate(pledges)
    )
    through = Pledge.co_organizations.through
    through.objects.bulk_create(
        through(pledge=p, organization=organizations[(n + 1) % len(organizations)])
        for n, p in enumerate(pledges)
        if n % 3 == 0
    )
    updates = []
    for n, pledge in enumerate(pledges):
        if pledge.current_stage == "none":
            continue
        for back in range(3):  # three published updates per reporting pledge
            moment = pledge.last_published_at - datetime.timedelta(days=90 * back)
            updates.append(
                ProgressUpdate(
                    pledge=pledge,
                    organization=pledge.lead_organization,
                    stage=pledge.current_stage,
                    progress=pledge.current_progress,
                    achievements=f"Demo update {n}.{back}",
                    state="published",
                    submitted_at=moment,
                    published_at=moment,
                )
            )
        updates.append(
            ProgressUpdate(pledge=pledge, organization=pledge.lead_organization, stage="planning")
        )  # and a draft
    ProgressUpdate.objects.bulk_create(updates, batch_size=2000)
    Indicator.objects.bulk_create(
        Indicator(pledge=p, name_en="Demo people reached", unit="people", target=100, actual=40)
        for p in pledges[::5]
    )
    today = timezone.localdate()
    Meeting.objects.bulk_create(
        Meeting(
            number=n + 1,
            title_en=f"Demo meeting {n + 1}",
            date=today + datetime.timedelta(days=60 - 180 * n),
            update_deadline=today + datetime.timedelta(days=46 - 180 * n),
        )
        for n in range(4)
    )
    return {"pledge": pledges[0], "organization": organizations[0]}


def clear() -> None:
    from meetings.models import Meeting
    from organizations.models import Organization
    from pledges.models import FocusArea, Objective, Pledge, ProgressUpdate

    ProgressUpdate.objects.all().delete()
    Pledge.objects.all().delete()
    for model in (Meeting, Organization, FocusArea, Objective):
        model.objects.all().delete()


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
            clear()
            started = time.perf_counter()
            made = build(size)
            built = time.perf_counter() - started
            print(f"{size:>8}  (built in {built:.1f} s)")
            pages = [
                ("dashboard", reverse("dashboards:home")),
                ("pledge list", reverse("dashboards:pledge_list")),
                ("pledge list, filtered and sorted",
                 reverse("dashboards:pledge_list") + "?objective=2&stale=1&q=demo&sort=-progress"),
                ("pledge list, page 3", reverse("dashboards:pledge_list") + "?page=3"),
                ("pledge page", made["pledge"].get_absolute_url()),
                ("organizations", reverse("dashboards:organization_list")),
                ("organization page", made["organization"].get_absolute_url()),
            ]  # fmt: skip
            for name, url in pages:
                milliseconds, queries = measure(client, url, args.runs)
                print(f"{size:>8}  {name:<34} {milliseconds:>10.1f} {queries:>8}")


if __name__ == "__main__":
    main()
