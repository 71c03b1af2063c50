from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("<int:number>/", views.meeting_detail, name="detail"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("<int:number>/report/", views.meeting_report_view, name="report"),
    path("<int:number>/report.pdf", views.meeting_report_pdf, name="report_pdf"),
    path("<int:number>/meeting.ics", views.meeting_ics, name="ics"),
]
