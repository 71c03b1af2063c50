"""The Django side of bench/run, run in the benchmark's environment (production settings,
the benchmark's database and cache):

    probe.py prepare SIZE_JSON   migrate, make the demo data unless already there, collect
                                 static files, sign in the editor and the secretariat;
                                 prints the pages to drive (JSON)
    probe.py measure PAGES_JSON  SQL queries (cold and warm cache) and size of each page
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "grfnet.settings")


def _setup():
    import django

    django.setup()


def _client(cookie: str = ""):
    from django.test import Client

    client = Client(HTTP_ACCEPT_LANGUAGE="ja")
    if cookie:
        name, _, value = cookie.partition("=")
        client.cookies[name] = value
    return client


def _have(size) -> bool:
    """Whether the database already holds exactly this demo data (counts and seed)."""
    from meetings.models import Meeting
    from organizations.models import Organization
    from pledges.models import Pledge

    return (
        Organization.objects.count() == size.organizations
        and Pledge.objects.count() == size.pledges
        and Meeting.objects.count() == size.meetings
        and Pledge.objects.filter(grf_reference="DEMO-00001").exists()
        and Pledge.objects.first().updates.published().count() == size.updates_per_pledge
    )


def prepare(size_json: str, fresh: bool) -> dict:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.templatetags.static import static
    from django.urls import reverse
    from django.utils import timezone

    from meetings.demo_data import DemoSize
    from meetings.models import Meeting
    from organizations.models import Organization
    from pledges.models import Pledge, ProgressUpdate

    size = DemoSize(**json.loads(size_json))
    if fresh or not _have(size):
        call_command(
            "generate_demo_data",
            force=True,
            organizations=size.organizations,
            pledges=size.pledges,
            updates_per_pledge=size.updates_per_pledge,
            meetings=size.meetings,
            seed=size.seed,
        )
    today = timezone.localdate()
    latest = Meeting.objects.published().filter(date__lt=today).order_by("-date").first()
    largest = max(Organization.objects.all(), key=lambda o: o.led_pledges.count())
    pledge = Pledge.objects.get(grf_reference="DEMO-00001")
    cookies = {}
    User = get_user_model()
    for name in ("demo-editor", "demo-secretariat"):
        client = _client()
        user = User.objects.get(username=name)
        client.force_login(user)
        if user.is_staff:  # production asks staff for a second factor: a verified session
            from django_otp import DEVICE_ID_SESSION_KEY
            from django_otp.plugins.otp_totp.models import TOTPDevice

            device, _ = TOTPDevice.objects.get_or_create(
                user=user, name="bench", defaults={"confirmed": True}
            )
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookies[name] = f"{settings.SESSION_COOKIE_NAME}={session}"
    pages = [
        ("/healthz", "/healthz", ""),
        ("static file", static("css/grfnet.css"), ""),
        ("/ dashboard", reverse("dashboards:home"), ""),
        ("/pledges/", reverse("dashboards:pledge_list"), ""),
        ("/pledges/ objective 2, in progress",
         reverse("dashboards:pledge_list") + "?objective=2&stage=in_progress", ""),
        ("/pledges/ search, two words",
         reverse("dashboards:pledge_list") + "?q=japanese+language", ""),
        ("pledge page, 50 updates", pledge.get_absolute_url(), ""),
        ("/organizations/", reverse("dashboards:organization_list"), ""),
        ("largest organization", largest.get_absolute_url(), ""),
        ("/meetings/", reverse("meetings:list"), ""),
        ("latest meeting", latest.get_absolute_url(), ""),
        ("meeting report", reverse("meetings:report", args=[latest.number]), ""),
        ("/my/ editor of 40 pledges", reverse("dashboards:workspace"), cookies["demo-editor"]),
        ("/review/ 50 submitted", reverse("pledges:review"), cookies["demo-secretariat"]),
    ]  # fmt: skip
    return {
        "pages": [{"name": n, "path": p, "cookie": c} for n, p, c in pages],
        "pdf": reverse("meetings:report_pdf", args=[latest.number]),
        "data": {
            "organizations": Organization.objects.count(),
            "pledges": Pledge.objects.count(),
            "published_updates": ProgressUpdate.objects.published().count(),
            "meetings": Meeting.objects.count(),
            "largest_organization_pledges": largest.led_pledges.count(),
        },
    }


def measure(pages_json: str) -> list[dict]:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    results = []
    for page in json.loads(pages_json):
        if page["name"] == "static file":
            results.append({"queries_cold": 0, "queries": 0})
            continue
        client = _client(page["cookie"])
        counts = []
        for _ in range(2):  # cold, then warm
            if not counts:
                cache.clear()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(page["path"])
            if response.status_code != 200:
                raise SystemExit(f"{page['path']} answered {response.status_code}")
            counts.append(len(queries))
        results.append(
            {"queries_cold": counts[0], "queries": counts[1], "html_bytes": len(response.content)}
        )
    return results


if __name__ == "__main__":
    _setup()
    command, argument = sys.argv[1], sys.argv[2]
    if command == "prepare":
        result = prepare(argument, fresh="--fresh" in sys.argv)
    else:
        result = measure(argument)
    print("BENCH-JSON " + json.dumps(result))
