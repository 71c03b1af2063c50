from modeltranslation.translator import TranslationOptions, register

from .models import (
    ContributionType,
    FocusArea,
    Indicator,
    Objective,
    Pledge,
    PledgeSource,
    ProgressUpdate,
)


@register(Objective)
class ObjectiveTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(FocusArea)
class FocusAreaTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(ContributionType)
class ContributionTypeTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Pledge)
class PledgeTranslationOptions(TranslationOptions):
    fields = ("title", "description", "multi_stakeholder_pledge", "uncertainty")


@register(Indicator)
class IndicatorTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(PledgeSource)
class PledgeSourceTranslationOptions(TranslationOptions):
    fields = ("title",)


# The narrative of an update, in Japanese and/or English. The historical model is
# registered too, so every correction (a translation added later included) is kept.
UPDATE_TEXT_FIELDS = ("achievements", "challenges", "next_steps", "refugee_participation")


@register(ProgressUpdate)
class ProgressUpdateTranslationOptions(TranslationOptions):
    fields = UPDATE_TEXT_FIELDS


@register(ProgressUpdate.history.model)
class HistoricalProgressUpdateTranslationOptions(TranslationOptions):
    fields = UPDATE_TEXT_FIELDS
