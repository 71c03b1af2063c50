from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import two_factor_views, views
from .forms import SignInForm

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(authentication_form=SignInForm), name="login"),
    path("profile/", views.profile, name="profile"),
    path("password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("two-factor/", two_factor_views.two_factor_setup, name="two_factor_setup"),
    path("two-factor/verify/", two_factor_views.two_factor_verify, name="two_factor_verify"),
    path("", include("django.contrib.auth.urls")),
]
