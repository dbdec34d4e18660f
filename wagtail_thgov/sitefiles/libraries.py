"""Finding and making a site's collection, and the site a collection (or a file in it) belongs to."""

from wagtail.models import Collection

from .models import SiteCollection


def site_collection(site) -> Collection | None:
    """The collection holding ``site``'s files, or None before ``thgov_setup`` has run for it."""
    link = SiteCollection.objects.filter(site=site).select_related("collection").first()
    return link.collection if link else None


def ensure_site_collection(site) -> tuple[Collection, int]:
    """``site``'s collection, created under the root collection if missing; returns (collection, created)."""
    existing = site_collection(site)
    if existing is not None:
        return existing, 0
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    name = site.site_name or site.hostname
    if root.get_children().filter(name=name).exists():
        # Two sites with one name (or a collection the host made by hand): keep the names apart.
        name = f"{name} ({site.hostname}:{site.port})"
    collection = root.add_child(instance=Collection(name=name))
    SiteCollection.objects.create(site=site, collection=collection)
    return collection, 1


def site_id_of_collection(collection) -> int | None:
    """The site whose collection is ``collection`` or one of its ancestors (a sub-collection of a site)."""
    if collection is None:
        return None
    return (
        SiteCollection.objects.filter(collection__in=collection.get_ancestors(inclusive=True))
        .values_list("site_id", flat=True)
        .first()
    )
