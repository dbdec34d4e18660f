"""The demo builds, and builds once: the one place the suite asserts it (tests/demo_db.py).

Other modules read the demo through the ``demo_db`` fixture, restored from the snapshot this process
took after its first build; they assert what the demo contains, not how it was built.
"""

import pytest
from wagtail.models import Page, Site

from tests.demo_db import EN, PRISTINE, build_demo_content
from wagtail_thgov.pages.home import MunicipalityHomePage


@pytest.mark.django_db
def test_the_demo_creates_its_objects_and_a_second_run_creates_none(demo_db):
    # The first build, on the database migrations leave, created the demo (counted when it was built).
    assert demo_db.created[EN] > 0
    pages, sites = Page.objects.count(), Site.objects.count()
    assert build_demo_content() == 0
    assert (Page.objects.count(), Site.objects.count()) == (pages, sites)
    assert Site.objects.get(is_default_site=True).root_page.slug == "bansuandokmai"


@pytest.mark.django_db
@pytest.mark.parametrize("run", [1, 2])
def test_each_test_sees_the_demo_as_built(demo_db, run):
    # Each run changes the demo; the other run (and every later test) must not see the change.
    home = Site.objects.get(is_default_site=True).root_page
    assert home.slug == "bansuandokmai"
    assert Page.objects.count() == demo_db.page_count[EN]
    home.get_children().first().delete()
    Page.objects.filter(pk=home.pk).update(slug=f"changed-by-run-{run}")


def test_a_module_without_the_demo_finds_the_database_as_migrations_left_it(demo_database, django_db_blocker):
    # What ``demo_db`` does around a module, checked from outside any test transaction.
    with django_db_blocker.unblock():
        demo_database.restore(EN)
        assert MunicipalityHomePage.objects.filter(slug="bansuandokmai").exists()
        demo_database.restore_pristine()
        assert not MunicipalityHomePage.objects.exists()
        assert Page.objects.count() == demo_database.page_count[PRISTINE]
