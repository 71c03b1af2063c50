from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import User
from .secretariat import SECRETARIAT_GROUP


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_active", "groups", "memberships__organization__kind"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Preferences"), {"fields": ["preferred_language"]}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "username",
                    "email",
                    "first_name",
                    "last_name",
                    "preferred_language",
                    "usable_password",
                    "password1",
                    "password2",
                ],
                "description": _(
                    "Leave password-based authentication off, save, then use the "
                    '"Invite" action in the list of users: the person chooses a password.'
                ),
            },
        ),
    )
    actions = ["invite"]

    # The secretariat manages accounts but must not be able to raise anyone's privileges,
    # its own included: only a superuser grants superuser status or single permissions,
    # assigns groups other than the Secretariat, or touches a superuser's account.
    PRIVILEGE_FIELDS = ("is_superuser", "user_permissions")

    def get_queryset(self, request):
        users = super().get_queryset(request)
        return users if request.user.is_superuser else users.filter(is_superuser=False)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly.extend(self.PRIVILEGE_FIELDS)
        return readonly

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name=SECRETARIAT_GROUP)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.action(description=_("Invite: email a link to set a password"))
    def invite(self, request, queryset):
        sent = [user for user in queryset if services.user_invite(user=user)]
        skipped = queryset.count() - len(sent)
        if sent:
            self.message_user(
                request,
                ngettext(
                    "Invitation sent to %(count)d person.",
                    "Invitations sent to %(count)d people.",
                    len(sent),
                )
                % {"count": len(sent)},
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d person was not invited: no email address, or the account is "
                    "inactive.",
                    "%(count)d people were not invited: no email address, or the account is "
                    "inactive.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )
