from django.urls import path

from . import views

app_name = "exchange"

urlpatterns = [
    path("pledges/export.<str:file_format>", views.pledge_export, name="pledge_export"),
    path("pledges/updates-export.<str:file_format>", views.update_export, name="update_export"),
]
