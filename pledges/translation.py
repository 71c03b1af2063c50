from modeltranslation.translator import TranslationOptions, register

from .models import ContributionType, FocusArea, Indicator, Objective, Pledge


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
    fields = ("title", "description", "multi_stakeholder_pledge")


@register(Indicator)
class IndicatorTranslationOptions(TranslationOptions):
    fields = ("name",)
