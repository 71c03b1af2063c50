"""Forms for progress updates. They validate and normalise; crispy-forms lays them out."""

import unicodedata
from decimal import Decimal

from django import forms
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from accounts.languages import LANGUAGE_NAMES
from organizations.models import Organization

from .models import Indicator, ProgressUpdate, Stage
from .services import EDITABLE_FIELDS, LANGUAGES, TEXT_FIELDS, TRANSLATED_TEXT_FIELDS

# What the form edits: the narrative in each language, never the plain field names (which
# would write whatever language happens to be active).
FORM_CONTENT_FIELDS = EDITABLE_FIELDS
TEXT_HELP = {
    "achievements": _("Activities, results and figures since the last update."),
    "refugee_participation": _(
        "How refugees took part in planning, carrying out or assessing the work."
    ),
}
TEXT_ROWS = {"achievements": 4}

INDICATOR_PREFIX = "indicator_"


class FigureField(forms.DecimalField):
    """A number as people type it: "1,200", "１２００" (full-width) and " 1 200 " all mean
    1200. A text box rather than type="number", so that what was typed is sent and shown
    back with the error if it is not a number, instead of being dropped by the browser."""

    widget = forms.TextInput

    def to_python(self, value):
        if isinstance(value, str):
            value = unicodedata.normalize("NFKC", value)
            value = value.replace(",", "").replace(" ", "").replace("_", "")
        return super().to_python(value)

    def widget_attrs(self, widget):
        # No min/max/step attributes: they belong to number inputs.
        return {"inputmode": "decimal"}


class UpdateForm(forms.ModelForm):
    """What an organization reports: the content of a ``ProgressUpdate``, a value for each
    of the pledge's indicators and, on a new update by someone who edits for several of
    the pledge's organizations, which one is reporting.

    ``version`` travels in a hidden field so that a save made from an old copy of the page
    is refused (see ``services.update_edit``).
    """

    organization = forms.ModelChoiceField(
        label=_("Reporting for"),
        queryset=Organization.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        required=False,
        help_text=_("Optional: a whole number from 0 to 100."),
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1, "inputmode": "numeric"}),
    )
    confirm_fulfilled = forms.BooleanField(
        label=_("Yes, the pledge is fulfilled although progress is under 100 %."),
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ProgressUpdate
        fields = FORM_CONTENT_FIELDS
        widgets = {
            "stage": forms.RadioSelect,
            "links": forms.Textarea(attrs={"rows": 2, "placeholder": "https://"}),
        }

    def __init__(self, *args, indicators=(), organizations=None, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        # The writer's language first; the other one is offered behind a disclosure.
        self.language = language or translation.get_language() or "ja"
        if self.language not in LANGUAGES:
            self.language = "ja"
        self.other_language = next(lang for lang in LANGUAGES if lang != self.language)
        for name in TEXT_FIELDS:
            model_field = ProgressUpdate._meta.get_field(name)
            for lang in LANGUAGES:
                field = self.fields[f"{name}_{lang}"]
                field.label = f"{capfirst(model_field.verbose_name)} ({LANGUAGE_NAMES[lang]})"
                field.widget = forms.Textarea(
                    attrs={"rows": TEXT_ROWS.get(name, 3), "lang": lang, "maxlength": 5000}
                )
                field.help_text = TEXT_HELP.get(name, "") if lang == self.language else ""
        # Only a new update made by someone editing for several of the pledge's
        # organizations asks who reports; otherwise the organization is known.
        if organizations is not None and len(organizations) > 1:
            self.fields["organization"].queryset = Organization.objects.filter(
                pk__in=[o.pk for o in organizations]
            )
        else:
            del self.fields["organization"]
        self.fields["stage"].choices = Stage.reported_choices()
        # Editing an existing update must say which version it started from.
        self.fields["version"].required = self.instance.pk is not None
        for indicator in self.indicators:
            self.fields[f"{INDICATOR_PREFIX}{indicator.pk}"] = FigureField(
                label=f"{indicator.name} ({indicator.get_unit_display()})",
                required=False,
                max_digits=16,
                decimal_places=2,
                min_value=Decimal(0),
                help_text=_indicator_help(indicator),
            )

    @property
    def text_fields(self):
        """The narrative in the writer's language."""
        return [self[f"{name}_{self.language}"] for name in TEXT_FIELDS]

    @property
    def other_text_fields(self):
        """The narrative in the other language (optional)."""
        return [self[f"{name}_{self.other_language}"] for name in TEXT_FIELDS]

    @property
    def other_language_name(self):
        return LANGUAGE_NAMES[self.other_language]

    @property
    def other_language_open(self) -> bool:
        """Open the disclosure when the other language has text or an error."""
        return any(f.errors or (f.value() or "").strip() for f in self.other_text_fields)

    @property
    def indicator_fields(self):
        return [self[f"{INDICATOR_PREFIX}{i.pk}"] for i in self.indicators]

    @property
    def needs_confirmation(self) -> bool:
        """Show the "fulfilled under 100 %" box: it was asked for, or already ticked."""
        return "confirm_fulfilled" in self.errors or bool(self.data.get("confirm_fulfilled"))

    def clean(self):
        cleaned = super().clean()
        progress = cleaned.get("progress")
        if (
            cleaned.get("stage") == Stage.FULFILLED
            and progress is not None
            and progress < 100
            and not cleaned.get("confirm_fulfilled")
        ):
            self.add_error(
                "confirm_fulfilled",
                _(
                    'You chose "Fulfilled" with progress of %(progress)s %%. Tick this box '
                    "to confirm, or change the stage or the progress."
                )
                % {"progress": progress},
            )
        return cleaned

    def content(self) -> dict:
        content = {name: self.cleaned_data[name] for name in FORM_CONTENT_FIELDS}
        for name in TRANSLATED_TEXT_FIELDS:  # an empty language is "", never NULL
            content[name] = content[name] or ""
        return content

    def indicator_values(self) -> dict[Indicator, Decimal | None]:
        return {i: self.cleaned_data.get(f"{INDICATOR_PREFIX}{i.pk}") for i in self.indicators}


def _indicator_help(indicator: Indicator) -> str:
    if indicator.target is not None:
        target = f"{indicator.target:,.2f}".rstrip("0").rstrip(".")
        return _("Total to date. Target: %(target)s") % {"target": target}
    return _("Total to date.")


def plain_number(value: Decimal) -> str:
    """12.00 -> "12", 12.50 -> "12.5": how people write figures."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def initial_from(update: ProgressUpdate | None) -> dict:
    """Form values taken from ``update`` (a routine update starts from the last one)."""
    if update is None:
        return {}
    initial = {name: getattr(update, name) for name in FORM_CONTENT_FIELDS}
    for value in update.indicator_values.all():
        initial[f"{INDICATOR_PREFIX}{value.indicator_id}"] = plain_number(value.value)
    return initial


class ReturnForm(forms.Form):
    """The secretariat's comment when it sends an update back: required."""

    comment = forms.CharField(
        label=_("What needs to change"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say what needs to change: a comment is required.")},
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(_("Say what needs to change: a comment is required."))
        return comment
