"""The secretariat rule in the admin.

Django lets an admin action declare the permissions it needs
(``@admin.action(permissions=[...])``) and offers it only to users who have one of them; a
request naming an action the user may not run is refused like an unknown action. Because
Django accepts *any* of the declared permissions, every action of ours declares exactly one,
``"secretariat_change"``: the secretariat rule of ``/review/``
(``accounts.access.is_secretariat``: active staff in the Secretariat group, or a superuser)
*and* the change permission on the model. A staff account outside the group that has been
given view or change permissions sees the lists but runs no action.
"""

from .access import is_secretariat


class SecretariatActionsMixin:
    """Give a ``ModelAdmin`` the ``"secretariat_change"`` permission its actions declare."""

    def has_secretariat_change_permission(self, request) -> bool:
        return is_secretariat(request.user) and self.has_change_permission(request)
