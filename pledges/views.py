from django.shortcuts import render
from django.views.generic import DetailView

from accounts.access import NetworkPageMixin, network_page

from . import selectors
from .models import Pledge


@network_page
def home(request):
    objectives = selectors.objectives_with_pledges()
    return render(
        request,
        "pledges/home.html",
        {"objectives": objectives, "pledge_count": Pledge.objects.count()},
    )


class PledgeDetailView(NetworkPageMixin, DetailView):
    template_name = "pledges/pledge_detail.html"
    context_object_name = "pledge"

    def get_queryset(self):
        return Pledge.objects.select_related("lead_organization").prefetch_related(
            "co_organizations", "objectives", "focus_areas", "contribution_types", "indicators"
        )
