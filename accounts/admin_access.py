"""The secretariat rule in the admin.

Django lets an admin action declare the permissions it needs
(``@admin.action(permissions=[...])``) and offers it only to users who have one of them; a
request naming an action the user may not run is refused like an unknown action. Because
Django accepts *any* of the declared permissions, every action of ours declares exactly one,
``"secretariat_change"``: the secretariat rule of ``/review/``
(``accounts.access.is_secretariat``: active staff in the Secretariat group, or a superuser)
*and* the change permission on the model (``"secretariat_view"`` and the view permission for
actions that only read, such as exports). A staff account outside the group that has been
given view or change permissions sees the lists but runs no action.
"""

from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _

from .access import is_secretariat
from .search import MAX_SEARCH_LENGTH, search_words

# Hostile input in the admin -----------------------------------------------------------


class _ValidChoicesOnly:
    """Django's autocomplete widgets look up the submitted values to redisplay a refused
    form, and a value that is not a key at all ("x" * 10000) makes that query raise (a
    500). Such values are left out of the redisplay; the form already says they are
    invalid."""

    def optgroups(self, name, value, attr=None):
        field = self.choices.field
        model = field.queryset.model
        key = model._meta.get_field(field.to_field_name) if field.to_field_name else model._meta.pk
        valid = []
        for v in value:
            try:
                key.to_python(v)
            except ValidationError:
                continue
            valid.append(v)
        return super().optgroups(name, valid, attr)


class SafeAutocompleteSelect(_ValidChoicesOnly, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(_ValidChoicesOnly, AutocompleteSelectMultiple):
    pass


_SAFE = {
    AutocompleteSelect: SafeAutocompleteSelect,
    AutocompleteSelectMultiple: SafeAutocompleteSelectMultiple,
}


def _harden(formfield):
    widget = getattr(formfield, "widget", None)
    inner = getattr(widget, "widget", widget)  # inside RelatedFieldWidgetWrapper
    if type(inner) in _SAFE:
        inner.__class__ = _SAFE[type(inner)]
    return formfield


class SafeInputAdminMixin:
    """For every ModelAdmin and inline of ours: hostile values in autocomplete fields and
    in an action's selection get a message, never a 500."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return _harden(super().formfield_for_foreignkey(db_field, request, **kwargs))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return _harden(super().formfield_for_manytomany(db_field, request, **kwargs))

    def get_search_results(self, request, queryset, search_term):
        # The admin's search (and autocomplete) ANDs one condition per word: capped like
        # every search box (accounts.search).
        search_term = " ".join(search_words(search_term[:MAX_SEARCH_LENGTH]))
        return super().get_search_results(request, queryset, search_term)

    def response_action(self, request, queryset):
        # Django filters the queryset by the selected keys as they come: "abc" raises.
        for value in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME):
            try:
                self.model._meta.pk.to_python(value)
            except ValidationError:
                self.message_user(
                    request,
                    _("The selection was not understood; nothing was changed."),
                    messages.WARNING,
                )
                return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset)


class SecretariatActionsMixin(SafeInputAdminMixin):
    """Give a ``ModelAdmin`` the ``"secretariat_change"`` permission its actions declare."""

    def has_secretariat_change_permission(self, request) -> bool:
        return is_secretariat(request.user) and self.has_change_permission(request)

    def has_secretariat_view_permission(self, request) -> bool:
        """For actions that only read (exports)."""
        return is_secretariat(request.user) and self.has_view_permission(request)
