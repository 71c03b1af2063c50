"""Sign-in forms that refuse a user name longer than any account's.

Django's ``AuthenticationForm`` sets the field's ``max_length`` after the field is built,
so the length is only a browser hint: a 256-character name reached django-axes, whose
failure log cannot store it (a 500 on PostgreSQL). Here the length is validated.
"""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator


class _BoundedUsername:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))


class SignInForm(_BoundedUsername, AuthenticationForm):
    pass


class AdminSignInForm(_BoundedUsername, AdminAuthenticationForm):
    pass
