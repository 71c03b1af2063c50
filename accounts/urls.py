from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views
from .forms import SignInForm

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(authentication_form=SignInForm), name="login"),
    path("password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("", include("django.contrib.auth.urls")),
]
