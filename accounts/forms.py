"""Forms of the accounts app: sign-in (site and admin) and the profile page."""

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

FOLLOW_INTERFACE = ""


class ProfileForm(forms.Form):
    """Name, email address and email language of the signed-in person."""

    first_name = forms.CharField(label=_("Given name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Family name"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("Notifications and reminders are sent here."),
        error_messages={"required": _("Enter your email address: notifications go there.")},
    )
    email_language = forms.ChoiceField(
        label=_("Language of your emails"),
        widget=forms.RadioSelect,
        choices=[
            (FOLLOW_INTERFACE, _("The language I last used this site in")),
            *settings.LANGUAGES,
        ],
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        taken = (
            get_user_model().objects.filter(email__iexact=email).exclude(pk=self.user.pk).exists()
        )
        if taken:
            raise forms.ValidationError(_("Another account uses this email address."))
        return email

    @staticmethod
    def initial_for(user) -> dict:
        return {
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "email_language": (
                FOLLOW_INTERFACE
                if user.email_language_follows_interface
                else user.preferred_language
            ),
        }


class _BoundedUsername:
    """Sign-in forms that refuse a user name longer than any account's.

    Django's ``AuthenticationForm`` sets the field's ``max_length`` after the field is built,
    so the length is only a browser hint: a 256-character name reached django-axes, whose
    failure log cannot store it (a 500 on PostgreSQL). Here the length is validated.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))


class SignInForm(_BoundedUsername, AuthenticationForm):
    pass


class AdminSignInForm(_BoundedUsername, AdminAuthenticationForm):
    pass
