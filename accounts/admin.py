from django.contrib import admin, messages
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services, two_factor
from .access import is_secretariat
from .admin_access import SecretariatActionsMixin
from .forms import AdminSignInForm
from .models import User
from .secretariat import SECRETARIAT_GROUP


def within_secretariat_rights(users):
    """The accounts whose rights are within the secretariat's own: no superuser, no single
    permissions, no group but the Secretariat, and no staff status outside that group."""
    groups = User.groups.through.objects.filter(user=OuterRef("pk"))
    return (
        users.filter(is_superuser=False)
        .exclude(Exists(User.user_permissions.through.objects.filter(user=OuterRef("pk"))))
        .exclude(Exists(groups.exclude(group__name=SECRETARIAT_GROUP)))
        .exclude(Q(is_staff=True) & ~Exists(groups.filter(group__name=SECRETARIAT_GROUP)))
    )


# The admin's sign-in refuses over-long user names like the site's (see accounts.forms).
admin.site.login_form = AdminSignInForm


@admin.register(User)
class UserAdmin(SecretariatActionsMixin, DjangoUserAdmin):
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
    actions = ["invite", "reset_two_factor"]

    # The secretariat manages accounts but must not be able to raise anyone's privileges,
    # its own included: only a superuser grants superuser status or single permissions,
    # assigns groups other than the Secretariat, or touches an account with more rights
    # than the secretariat's (setting its password would let the secretariat sign in as it).
    PRIVILEGE_FIELDS = ("is_superuser", "user_permissions")

    def get_queryset(self, request):
        users = super().get_queryset(request)
        if request.user.is_superuser:
            return users
        return within_secretariat_rights(users)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly.extend(self.PRIVILEGE_FIELDS)
        return readonly

    def save_related(self, request, form, formsets, change):
        # The form offers the secretariat only the Secretariat group and saves the chosen
        # subset; the groups it was not shown are the superuser's business and are kept.
        hidden = []
        if change and not request.user.is_superuser:
            hidden = list(form.instance.groups.exclude(name=SECRETARIAT_GROUP))
        super().save_related(request, form, formsets, change)
        if hidden:
            form.instance.groups.add(*hidden)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name=SECRETARIAT_GROUP)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.action(
        description=_("Reset two-factor sign-in (lost phone): they set it up again"),
        permissions=["secretariat_change"],
    )
    def reset_two_factor(self, request, queryset):
        reset = [user for user in queryset if two_factor.two_factor_reset(user=user)]
        self.message_user(
            request,
            ngettext(
                "Two-factor sign-in reset for %(count)d person.",
                "Two-factor sign-in reset for %(count)d people.",
                len(reset),
            )
            % {"count": len(reset)},
            messages.SUCCESS if reset else messages.WARNING,
        )

    @admin.action(
        description=_("Invite: email a link to set a password"),
        permissions=["secretariat_change"],
    )
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


@admin.register(LogEntry)
class AuditTrailAdmin(admin.ModelAdmin):
    """Who changed what in the admin, and when: memberships, pledges, meetings, accounts
    and every other object the admin writes (inline changes are listed under the object
    whose page they were made on). Read-only; open to the secretariat."""

    list_display = ["action_time", "user", "content_type", "object_link", "action", "change"]
    list_filter = [
        "action_flag",
        ("content_type", admin.RelatedOnlyFieldListFilter),
        ("user", admin.RelatedOnlyFieldListFilter),
        "action_time",
    ]
    search_fields = ["object_repr", "change_message", "user__username", "user__email"]
    date_hierarchy = "action_time"
    list_select_related = ["user", "content_type"]
    actions = None

    def has_module_permission(self, request):
        return is_secretariat(request.user)

    def has_view_permission(self, request, obj=None):
        return is_secretariat(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("object"), ordering="object_repr")
    def object_link(self, entry):
        return entry.object_repr

    @admin.display(description=_("action"), ordering="action_flag")
    def action(self, entry):
        return {ADDITION: _("Added"), CHANGE: _("Changed"), DELETION: _("Deleted")}.get(
            entry.action_flag, ""
        )

    @admin.display(description=_("what changed"))
    def change(self, entry):
        return entry.get_change_message()
