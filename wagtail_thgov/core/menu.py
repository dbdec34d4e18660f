"""Admin menu items shown only to some users (one class for every report of the plugin)."""

from wagtail.admin.menu import MenuItem


class MenuItemFor(MenuItem):
    """A menu item shown only to the users for whom ``shown_to(user)`` is true."""

    def __init__(self, *args, shown_to, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request):
        return self.shown_to(request.user)


def holding(permission):
    """``shown_to`` for the users holding ``permission``."""
    return lambda user: user.has_perm(permission)
