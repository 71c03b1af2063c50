"""The pledge list's long selects (organization, country) are written without a template
per option: the same HTML as Django's select, the reader's choice kept."""

import pytest
from django import forms
from django.test.html import parse_html
from django.urls import reverse

from dashboards.widgets import LongSelect
from tests.factories import OrganizationFactory

CHOICES = [("", "All"), ("a&b", "A <b>&</b> B"), ("jp", "日本"), ("12", "Twelve")]


@pytest.mark.parametrize("value", ["", "jp", "a&b", None, 12, ["jp"]])
def test_a_long_select_is_the_html_of_djangos_select(value):
    attrs = {"id": "id_country", "class": "form-select"}
    ours = LongSelect(choices=CHOICES).render("country", value, attrs)
    djangos = forms.Select(choices=CHOICES).render("country", value, attrs)
    assert parse_html(ours) == parse_html(djangos)
    assert "<b>" not in ours


@pytest.mark.django_db
def test_the_list_keeps_the_chosen_organization_and_country_selected(client, public_dashboard):
    OrganizationFactory(slug="pathways-japan", name_en="Pathways <Japan>")
    OrganizationFactory(slug="welcome-japan", name_en="Welcome Japan")
    url = reverse("dashboards:pledge_list")

    html = client.get(url, {"organization": "pathways-japan", "country": "JP"}).content.decode()

    assert '<option value="pathways-japan" selected>Pathways &lt;Japan&gt;</option>' in html
    assert '<option value="welcome-japan">Welcome Japan</option>' in html
    assert '<option value="JP" selected>' in html
    assert '<option value="" selected>All organizations</option>' not in html
    assert '<option value="">All countries</option>' in html
