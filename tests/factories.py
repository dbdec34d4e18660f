"""Real objects for tests, built through the ORM: a municipality site with its roles and users."""

from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from wagtail_thgov.installation import run_setup
from wagtail_thgov.pages.home import MunicipalityHomePage
from wagtail_thgov.workflows.roles import Role
from wagtail_thgov.workflows.setup import role_group

PASSWORD = "test-password-1234"


def make_site(hostname="localhost", title="เทศบาลตำบลทดสอบ", is_default=True, port=80):
    """A municipality home page as the root of a (default) site, with roles and workflow set up.

    Also on a flushed database (a browser test's ``live_server`` empties it afterwards, and the next module
    on the same worker may come right after one): the locale, root page and collection are made first."""
    seed_page_tree()
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=MunicipalityHomePage(title=title, slug=f"home-{hostname.replace('.', '-')}")
    )
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() if is_default else None
    if site is None:
        site = Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=is_default)
    else:
        old_root = site.root_page
        site.root_page = home
        site.hostname = hostname
        site.save()
        if old_root.depth == 2 and not old_root.get_children().exists() and type(old_root.specific) is Page:
            old_root.delete()
    run_setup()
    return site


def make_user(username, role=None, site=None, superuser=False):
    """A user with a name, in the role group of ``site``."""
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.test", PASSWORD)
    user = User.objects.create_user(
        username, f"{username}@example.test", PASSWORD, first_name=username.capitalize(), last_name="ทดสอบ"
    )
    if role is not None:
        user.groups.add(role_group(site, role))
    return user


def role_users(site):
    """One user per role on ``site``, named after the role."""
    return {role: make_user(f"{role}-{site.pk}", role, site) for role in Role}


def seed_page_tree():
    """What Wagtail's migrations create and a flushed database lacks: the locale, root page and collection."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root"))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")


@contextmanager
def built_once(django_db_blocker):
    """For a module-scoped fixture: what is built inside stays for the module's tests, then is rolled back."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()  # Wagtail caches the site root paths
