from django.db.models import Count
from django.views.generic import DetailView, ListView

from accounts.access import NetworkPageMixin
from pledges.models import Pledge

from .models import Organization


class OrganizationListView(NetworkPageMixin, ListView):
    template_name = "organizations/organization_list.html"
    context_object_name = "organizations"

    def get_queryset(self):
        return Organization.objects.active().annotate(
            led_count=Count("led_pledges", distinct=True),
            co_count=Count("co_pledges", distinct=True),
        )


class OrganizationDetailView(NetworkPageMixin, DetailView):
    template_name = "organizations/organization_detail.html"
    context_object_name = "organization"

    def get_queryset(self):
        return Organization.objects.active()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pledges"] = (
            Pledge.objects.involving(self.object)
            .select_related("lead_organization")
            .prefetch_related("objectives")
        )
        return context
