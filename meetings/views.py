from django.views.generic import DetailView, ListView

from accounts.access import NetworkPageMixin

from .models import Meeting


class MeetingListView(NetworkPageMixin, ListView):
    template_name = "meetings/meeting_list.html"
    context_object_name = "meetings"

    def get_queryset(self):
        return Meeting.objects.published().prefetch_related("co_hosts")


class MeetingDetailView(NetworkPageMixin, DetailView):
    template_name = "meetings/meeting_detail.html"
    context_object_name = "meeting"
    slug_field = "number"
    slug_url_kwarg = "number"

    def get_queryset(self):
        return Meeting.objects.published().prefetch_related(
            "co_hosts",
            "agenda_items__presenter",
            "agenda_items__pledges",
            "attendances__organization",
        )
