"""axe-core on every page of the site and on the admin's list and change pages for each
model, in Japanese and English, at desktop (1280 px) and phone (390 px) width.

Each test walks all pages in one language, checks each page at desktop width and again at
phone width (the same document, resized: loading every page twice cost a minute a
language), and fails listing every critical or serious violation with its page, width,
rule and element, so that one run shows all there is to fix.
"""

import datetime

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting
from organizations.models import Membership, Organization
from pledges.models import Pledge, ProgressUpdate
from tests.browser.axe import axe_problems
from tests.browser.conftest import VIEWPORTS, open_context
from tests.factories import (
    MembershipFactory,
    ProgressUpdateFactory,
    SecretariatUserFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(settings):
    """The seed network, a focal point with a draft and a returned update, another
    organization's submitted update waiting for review, and a secretariat user."""
    settings.GRFNET_PUBLIC_DASHBOARD = True
    call_command("load_seed_data", verbosity=0)
    welcome = Organization.objects.get(slug="welcome-japan")
    editor = MembershipFactory(
        organization=welcome, role=Membership.Role.EDITOR, user=UserFactory(username="focal")
    ).user
    pledges = list(Pledge.objects.filter(lead_organization=welcome).order_by("pk"))
    draft = ProgressUpdateFactory(pledge=pledges[0], organization=welcome, author=editor)
    ProgressUpdateFactory(
        pledge=pledges[1],
        organization=welcome,
        author=editor,
        state=ProgressUpdate.State.RETURNED,
        submitted_at=timezone.now() - datetime.timedelta(days=2),
        review_comment="Please add the number of people who took part.",
    )
    other = Pledge.objects.exclude(lead_organization=welcome).order_by("pk").first()
    ProgressUpdateFactory(
        pledge=other,
        organization=other.lead_organization,
        state=ProgressUpdate.State.SUBMITTED,
        submitted_at=timezone.now(),
    )
    secretariat = SecretariatUserFactory(username="secretariat", is_superuser=True)
    meeting = Meeting.objects.filter(number__isnull=False).order_by("-number").first()
    event = Meeting.objects.filter(kind=Meeting.Kind.EVENT).order_by("date").first()
    organization = Organization.objects.order_by("pk").first()
    published = ProgressUpdate.objects.published().order_by("pk").first()
    return {
        "editor": editor,
        "secretariat": secretariat,
        "public": [
            "/",
            "/pledges/",
            "/pledges/?stage=in_progress",
            f"/pledges/{pledges[0].pk}/",
            "/organizations/",
            f"/organizations/{organization.slug}/",
            "/meetings/",
            f"/meetings/{meeting.number}/",
            f"/meetings/{meeting.number}/report/",
            f"/meetings/{meeting.number}/report/screen/",
            f"/meetings/{meeting.number}/report/screen/2/",
            f"/meetings/events/{event.pk}/",
            published.get_absolute_url(),
            "/about/",
            "/privacy/",
            "/accessibility/",
            "/contact/",
            "/api/v1/",
            "/accounts/login/",
            "/accounts/password_reset/",
            "/no-such-page/",
        ],
        "editor_pages": [
            "/my/",
            f"/pledges/{pledges[2].pk}/updates/new/",
            f"/updates/{draft.pk}/edit/",
            "/accounts/password_change/",
            "/accounts/profile/",
            "/accounts/following/",
        ],
        "secretariat_pages": [
            "/review/",
            "/review/translations/",
            "/accounts/two-factor/",
            "/admin/",
            "/admin/pledges/pledge/import/",
            *_admin_pages(),
        ],
    }


def _admin_pages() -> list[str]:
    """The changelist of every registered model, and the change page of its first object
    (or the add page when there is none and adding is allowed)."""
    pages = []
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            pages.append(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk])
            )
        elif model_admin.has_add_permission(_FakeRequest()):
            pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    return pages


class _FakeRequest:
    class user:  # noqa: N801 - stands in for a superuser
        is_active = is_staff = is_superuser = True

        @staticmethod
        def has_perm(perm, obj=None):
            return True


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_page_passes_axe(browser, live_server, site, lang):
    problems = []
    desktop = VIEWPORTS["desktop"]
    for user, paths in (
        (None, site["public"]),
        (site["editor"], site["editor_pages"]),
        (site["secretariat"], site["secretariat_pages"]),
    ):
        context = open_context(browser, live_server, lang, "desktop", user)
        page = context.new_page()
        for path in paths:
            page.set_viewport_size({"width": desktop[0], "height": desktop[1]})
            response = page.goto(f"{live_server.url}{path}")
            assert response.status < 500, f"{path} answered {response.status}"
            assert page.locator("html").get_attribute("lang") == lang, path
            for width, (w, h) in VIEWPORTS.items():
                page.set_viewport_size({"width": w, "height": h})
                # The stylesheets do not change with the width: read once, at desktop.
                found = axe_problems(page, read_stylesheets=width == "desktop")
                problems += [f"{path} at {width} width: {line}" for line in found]
        context.close()
    assert not problems, f"axe-core, {lang}:\n" + "\n".join(problems)
