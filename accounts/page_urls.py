from django.urls import path

from . import pages

app_name = "pages"

urlpatterns = [path(f"{name}/", getattr(pages, name), name=name) for name in pages.PAGES]
