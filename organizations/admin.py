from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from accounts.admin import UserAdmin
from accounts.admin_access import SafeInputAdminMixin, SecretariatActionsMixin
from accounts.models import User

from .models import Membership, Organization


class MembershipInline(SafeInputAdminMixin, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(SecretariatActionsMixin, TranslationAdmin):
    list_display = ["name", "kind", "led_pledge_count", "member_count", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name_ja", "name_en", "short_name_ja", "short_name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [MembershipInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                led_pledge_count=Count("led_pledges", distinct=True),
                member_count=Count("memberships", distinct=True),
            )
        )

    @admin.display(description=_("pledges led"), ordering="led_pledge_count")
    def led_pledge_count(self, organization):
        return organization.led_pledge_count

    @admin.display(description=_("members"), ordering="member_count")
    def member_count(self, organization):
        return organization.member_count


@admin.register(Membership)
class MembershipAdmin(SafeInputAdminMixin, admin.ModelAdmin):
    list_display = ["user", "organization", "role", "created_at"]
    list_filter = ["role", "organization__kind"]
    search_fields = [
        "user__username",
        "user__email",
        "organization__name_ja",
        "organization__name_en",
    ]
    autocomplete_fields = ["user", "organization"]
    list_select_related = ["user", "organization"]


class UserMembershipInline(SafeInputAdminMixin, admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    autocomplete_fields = ["organization"]


# accounts knows nothing of organizations (it is the lower layer), so the memberships are
# added to its user admin here.
admin.site.unregister(User)


@admin.register(User)
class UserWithMembershipsAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, UserMembershipInline]
