"""Dates and numbers as each language writes them."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import formats, translation


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "11 September 2024"), ("ja", "2024年9月11日")],
)
def test_dates_in_each_language(language, expected):
    with translation.override(language):
        rendered = Template('{{ day|date:"DATE_FORMAT" }}').render(
            Context({"day": datetime.date(2024, 9, 11)})
        )
    assert rendered == expected


def test_english_dates_are_un_style_not_american():
    with translation.override("en"):
        text = formats.date_format(datetime.date(2024, 9, 11))
    assert "Sept." not in text and text == "11 September 2024"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "April 2025"), ("ja", "2025年4月")],
)
def test_months_in_each_language(language, expected):
    with translation.override(language):
        assert formats.date_format(datetime.date(2025, 4, 30), "YEAR_MONTH_FORMAT") == expected


def test_japanese_counters_follow_the_number_without_a_space():
    with translation.override("ja"):
        text = translation.ngettext(
            "%(counter)s organization has pledges with no update published in this "
            "reporting period.",
            "%(counter)s organizations have pledges with no update published in this "
            "reporting period.",
            60,
        ) % {"counter": 60}
    assert text.startswith("60団体")


@pytest.mark.parametrize(("language", "separator"), [("ja", "MoFA、UNHCR"), ("en", "MoFA, UNHCR")])
def test_inline_lists_use_each_languages_separator(language, separator):
    with translation.override(language):
        rendered = Template(
            "{% load bilingual %}{% for n in names %}{{ n }}{% if not forloop.last %}"
            "{% list_separator %}{% endif %}{% endfor %}"
        ).render(Context({"names": ["MoFA", "UNHCR"]}))
    assert rendered == separator


@pytest.mark.django_db
def test_a_japanese_page_writes_60_dantai_and_japanese_dates(client, settings):
    from django.core.management import call_command

    settings.GRFNET_PUBLIC_DASHBOARD = True
    call_command("load_seed_data", verbosity=0)
    html = client.get("/pledges/9/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "60団体" in html and "60 団体" not in html
    assert "2024年9月11日" in html
    html = client.get("/pledges/9/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "60 organizations" in html and "11 September 2024" in html
