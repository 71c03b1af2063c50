from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError
from django.test import RequestFactory
from django.utils import timezone, translation

from meetings import pdf, pdf_cache
from meetings.models import Meeting


class Command(BaseCommand):
    help = (
        "Build the meeting-report PDFs that are missing for the current published data, "
        "outside any request (run it from cron every few minutes, on one machine): by "
        "default the latest past and the next published meeting, in every language."
    )

    def add_arguments(self, parser):
        parser.add_argument("--meeting", type=int, action="append", help="Meeting number.")

    def handle(self, *args, meeting=None, **options):
        meetings = self._meetings(meeting)
        site = urlsplit(settings.GRFNET_SITE_URL)
        request = RequestFactory().get(
            "/", secure=site.scheme == "https", SERVER_NAME=site.hostname or "localhost"
        )
        request.user = AnonymousUser()
        for item in meetings:
            for language, _name in settings.LANGUAGES:
                with translation.override(language):
                    try:
                        name = pdf_cache.report_pdf_name(item, request=request)
                    except (pdf.PdfUnavailable, pdf_cache.PdfBusy) as error:
                        raise CommandError(str(error)) from error
                if options["verbosity"]:
                    self.stdout.write(f"{item}: {language}: {name}")

    def _meetings(self, numbers):
        published = Meeting.objects.published()
        if numbers:
            found = list(published.filter(number__in=numbers))
            if len(found) != len(set(numbers)):
                raise CommandError("No published meeting with that number.")
            return found
        today = timezone.localdate()
        return [m for m in (published.past(today).first(), published.upcoming(today).first()) if m]
