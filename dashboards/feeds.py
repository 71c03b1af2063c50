"""Atom feeds of published progress updates: the whole network, one pledge, one
organization (the pledges it leads or co-pledges) and one GCR objective.

The language is in the address (``/feeds/en/...``, ``/feeds/ja/...``): feed readers send
no language of their own, so each page links the feed in the language it is read in.
Feeds follow the network pages' rule (``accounts.access``) and hold published updates only.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import linebreaks_filter
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from accounts.access import can_read_network_pages
from organizations.models import Organization
from pledges.models import Objective, Pledge, ProgressUpdate

ITEMS = 30
LANGUAGES = ("ja", "en")


class UpdatesFeed(Feed):
    """The network's published updates, newest first; subclasses narrow them down."""

    feed_type = Atom1Feed
    url_name = "feeds:network"

    def __call__(self, request, *args, lang, **kwargs):
        if lang not in LANGUAGES:
            raise Http404
        if not can_read_network_pages(request.user):
            return redirect_to_login(request.get_full_path())
        # The instance serves every request: the language lives in the override, not on it.
        with translation.override(lang):
            response = super().__call__(request, *args, **kwargs)
        response["Content-Language"] = lang
        return response

    def get_object(self, request, **kwargs):
        return None

    def updates(self, obj):
        return ProgressUpdate.objects.published()

    def items(self, obj):
        return (
            self.updates(obj)
            .select_related("pledge", "organization")
            .order_by("-published_at", "-pk")[:ITEMS]
        )

    def title(self, obj):
        return _("Japan GRF Network: published progress updates")

    def subtitle(self, obj):
        return _("Progress updates on Japan's Global Refugee Forum pledges, as published.")

    def link(self, obj):
        return reverse("dashboards:home")

    def feed_url(self, obj):
        return self._feed_url(obj)

    def _feed_url(self, obj, **kwargs):
        return reverse(self.url_name, kwargs={"lang": translation.get_language(), **kwargs})

    def author_name(self, obj):
        return _("Japan GRF Network")

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = translation.get_language()
        # Each language's feed is a feed of its own, so it has its own id (its address).
        feed.feed["id"] = feed.feed["feed_url"]
        return feed

    def item_title(self, update):
        return _("%(organization)s: %(pledge)s (%(stage)s)") % {
            "organization": update.organization.name,
            "pledge": update.pledge.title,
            "stage": update.get_stage_display(),
        }

    def item_description(self, update):
        """The narrative as HTML-escaped paragraphs (Atom's summary is read as HTML)."""
        parts = [
            (_("Progress"), f"{update.progress} %" if update.progress is not None else ""),
            (_("What was done"), update.achievements),
            (_("Challenges"), update.challenges),
            (_("Next steps"), update.next_steps),
            (_("How refugees took part"), update.refugee_participation),
        ]
        return "".join(
            f"<h3>{escape(label)}</h3>{linebreaks_filter(text, autoescape=True)}"
            for label, text in parts
            if text
        )

    def item_link(self, update):
        return update.get_absolute_url()

    def item_guid(self, update):
        """A tag URI (RFC 4151) per update and language: stable whatever the site's paths."""
        host = urlsplit(settings.GRFNET_SITE_URL).hostname or "grfnet"
        return f"tag:{host},2023:update-{update.pk}-{translation.get_language()}"

    item_guid_is_permalink = False

    def item_pubdate(self, update):
        return update.published_at

    def item_updateddate(self, update):
        return max(update.updated_at, update.published_at)

    def item_author_name(self, update):
        return update.organization.name

    def item_categories(self, update):
        return [update.get_stage_display()]


class PledgeUpdatesFeed(UpdatesFeed):
    url_name = "feeds:pledge"

    def get_object(self, request, pk):
        return get_object_or_404(Pledge, pk=pk)

    def updates(self, pledge):
        return ProgressUpdate.objects.published().filter(pledge=pledge)

    def title(self, pledge):
        return _("Progress updates: %(pledge)s") % {"pledge": pledge.title}

    def subtitle(self, pledge):
        return pledge.lead_organization.name

    def link(self, pledge):
        return pledge.get_absolute_url()

    def feed_url(self, pledge):
        return self._feed_url(pledge, pk=pledge.pk)


class OrganizationUpdatesFeed(UpdatesFeed):
    url_name = "feeds:organization"

    def get_object(self, request, slug):
        return get_object_or_404(Organization, slug=slug)

    def updates(self, organization):
        pledges = Pledge.objects.involving(organization).values("pk")
        return ProgressUpdate.objects.published().filter(pledge__in=pledges)

    def title(self, organization):
        return _("Progress updates on the pledges of %(organization)s") % {
            "organization": organization.name
        }

    def link(self, organization):
        return organization.get_absolute_url()

    def feed_url(self, organization):
        return self._feed_url(organization, slug=organization.slug)


class ObjectiveUpdatesFeed(UpdatesFeed):
    url_name = "feeds:objective"

    def get_object(self, request, number):
        return get_object_or_404(Objective, number=number)

    def updates(self, objective):
        pledges = Pledge.objects.filter(objectives=objective).values("pk")
        return ProgressUpdate.objects.published().filter(pledge__in=pledges)

    def title(self, objective):
        return _("Progress updates under GCR objective %(objective)s") % {"objective": objective}

    def link(self, objective):
        return f"{reverse('dashboards:pledge_list')}?objective={objective.number}"

    def feed_url(self, objective):
        return self._feed_url(objective, number=objective.number)
