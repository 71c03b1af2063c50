from modeltranslation.translator import TranslationOptions, register

from .models import AgendaItem, Meeting


@register(Meeting)
class MeetingTranslationOptions(TranslationOptions):
    fields = ("title", "venue", "summary")


@register(AgendaItem)
class AgendaItemTranslationOptions(TranslationOptions):
    fields = ("title",)
