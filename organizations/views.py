from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from accounts.access import network_page
from pledges import selectors
from pledges.models import Pledge

from .models import Organization


@require_safe
@network_page
def organization_list(request):
    """Every active organization: kind, its pledges by stage, when it last reported."""
    moment = selectors.moment()
    organizations = sorted(
        selectors.organizations_rollup(moment), key=lambda org: (-org.rollup.total, org.name)
    )
    return render(
        request,
        "organizations/organization_list.html",
        {"organizations": organizations, "stage_labels": selectors.stage_labels()},
    )


@require_safe
@network_page
def organization_detail(request, slug):
    """One organization: what it is, the pledges it leads or co-pledges and their stages."""
    moment = selectors.moment()
    found = selectors.organizations_rollup(moment, Organization.objects.active().filter(slug=slug))
    if not found:
        raise Http404
    organization = found[0]
    pledges = selectors.pledges_for_list(
        moment, Pledge.objects.filter(selectors.pledges_involving_q(organization))
    ).order_by("-last_published_at", "pk")
    return render(
        request,
        "organizations/organization_detail.html",
        {
            "organization": organization,
            "pledges": pledges,
            "stage_labels": selectors.stage_labels(),
        },
    )
