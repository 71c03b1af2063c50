"""Joint pledges on the organization pages, the dashboard's organization table and the
workspace: an organization's "own last report" counts only the updates it reported, its
pledges' status is the pledge's (a partner's update counts), and a pledge whose latest
update a partner reported says who did. The scenario is ``tests.meetings.test_joint_pledges``'s."""

import pytest
from django.urls import reverse

from tests.factories import MembershipFactory
from tests.meetings.test_joint_pledges import joint  # noqa: F401 - the shared fixture

pytestmark = pytest.mark.django_db


def _row(html: str, title: str) -> str:
    """The list item of the pledge titled ``title``."""
    end = html.index(f">{title}</a>")
    start = html.rindex("<li", 0, end)
    return html[start : html.index("</li>", end)]


def _organization_row(html: str, name: str) -> str:
    end = html.index(f">{name}</a>")
    start = html.rindex("<li", 0, end)
    return html[start : html.index("</li>", end)]


def test_organizations_list_gives_each_its_own_last_report(
    client,
    public_dashboard,
    joint,  # noqa: F811
):
    html = client.get(reverse("dashboards:organization_list")).content.decode()
    assert "No report of its own published yet" in _organization_row(html, "Japan ICU Foundation")
    assert "Own last report" in _organization_row(html, "Pathways Japan")
    assert "Own last report" in _organization_row(html, "Welcome Japan")


def test_a_co_pledgers_page_says_its_partner_reported_the_joint_pledge(
    client,
    public_dashboard,
    joint,  # noqa: F811
):
    response = client.get(joint["jicuf"].get_absolute_url())
    html = response.content.decode()
    organization = response.context["organization"]
    # Its own report: none. Its pledges: two updated (by partners), one stale.
    assert organization.last_report is None
    assert (organization.rollup.updated, organization.rollup.stale) == (2, 1)
    assert "Own last report" in html
    assert "Reported by Pathways Japan" in _row(html, "Scholarships")  # it leads, co reported
    assert "Reported by Welcome Japan" in _row(html, "Hiring fairs")  # it co-pledges, lead did
    assert "Reported by" not in _row(html, "Mentoring")


def test_the_reporters_page_does_not_credit_anyone_else(
    client,
    public_dashboard,
    joint,  # noqa: F811
):
    html = client.get(joint["pathways"].get_absolute_url()).content.decode()
    assert "Reported by" not in _row(html, "Scholarships")
    html = client.get(joint["welcome"].get_absolute_url()).content.decode()
    assert "Reported by" not in _row(html, "Hiring fairs")
    assert "Reported by" not in _row(html, "Mentoring")  # nobody reported it


def test_organization_page_in_japanese_says_who_reported(
    client,
    public_dashboard,
    joint,  # noqa: F811
):
    url = joint["jicuf"].get_absolute_url()
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "自団体の最終報告" in html
    assert "パスウェイズ・ジャパンが報告" in _row(html, "奨学金")
    assert '<span lang="en">Welcome Japan</span>が報告' in _row(html, "就職フェア")


def test_dashboard_table_and_organization_pages_count_the_joint_pledges_alike(
    client,
    public_dashboard,
    joint,  # noqa: F811
):
    dashboard = client.get(reverse("dashboards:home")).context["dashboard"]
    table = {
        o.slug: (o.rollup.total, o.rollup.updated, o.rollup.stale) for o in dashboard.organizations
    }
    assert table == {"jicuf": (3, 2, 1), "pathways": (1, 1, 0), "welcome": (2, 1, 1)}
    for slug, figures in table.items():
        page = client.get(reverse("dashboards:organization_detail", args=[slug]))
        rollup = page.context["organization"].rollup
        assert (rollup.total, rollup.updated, rollup.stale) == figures


def test_workspace_says_a_partner_reported_and_the_pledge_is_up_to_date(
    client,
    joint,  # noqa: F811
):
    editor = MembershipFactory(organization=joint["jicuf"], role="editor").user
    client.force_login(editor)
    html = client.get(reverse("dashboards:workspace")).content.decode()

    scholarships = _row(html, "Scholarships")
    assert "Reported by Pathways Japan" in scholarships and "Up to date" in scholarships
    fairs = _row(html, "Hiring fairs")
    assert "Reported by Welcome Japan" in fairs and "Up to date" in fairs
    mentoring = _row(html, "Mentoring")
    assert "Reported by" not in mentoring and "Update due" in mentoring


def test_workspace_of_the_reporter_credits_no_one_else(client, joint):  # noqa: F811
    editor = MembershipFactory(
        organization=joint["pathways"], role="editor", user__preferred_language="ja"
    ).user
    client.force_login(editor)
    html = client.get(reverse("dashboards:workspace"), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "が報告" not in _row(html, "奨学金")


def test_workspace_in_japanese_says_who_reported(client, joint):  # noqa: F811
    editor = MembershipFactory(organization=joint["jicuf"], role="editor").user
    client.force_login(editor)
    html = client.get(reverse("dashboards:workspace"), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "パスウェイズ・ジャパンが報告" in _row(html, "奨学金")
    assert '<span lang="en">Welcome Japan</span>が報告' in _row(html, "就職フェア")
    assert "が報告" not in _row(html, "メンタリング")


def test_a_lead_named_in_japanese_only_is_marked_on_an_english_page(client, public_dashboard):
    from tests.factories import OrganizationFactory, PledgeFactory

    lead = OrganizationFactory(name_en="", name_ja="難民支援の会")
    partner = OrganizationFactory(name_en="Demo Partner")
    PledgeFactory(title_en="Shared pledge", lead_organization=lead, co_organizations=[partner])

    html = client.get(partner.get_absolute_url()).content.decode()

    assert 'Co-pledge led by <span lang="ja">難民支援の会</span>' in _row(html, "Shared pledge")
