from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.MeetingListView.as_view(), name="list"),
    path("<int:number>/", views.MeetingDetailView.as_view(), name="detail"),
]
