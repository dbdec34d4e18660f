"""Upgrade step of ``thgov_setup``: files an older installation kept in the root collection go to the
collection of the site whose pages (or site-scoped snippets and settings) link them.

Wagtail's reference index says who links a file. A file linked from exactly one site moves to that site's
collection; a file linked from several sites, or from none, stays where it is and is listed in the output
for a superuser to decide (the bulk action "Add to collection" moves it). Only the root collection is
read: a collection the host made by hand keeps its files.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, ReferenceIndex, Site

from .models import SiteCollection


@dataclass
class FilePlan:
    """What to do with the files of the root collection: move, or leave and report."""

    moves: dict = field(default_factory=dict)  # file pk -> site pk
    shared: dict = field(default_factory=dict)  # file pk -> sorted site pks (linked from several sites)
    unlinked: list = field(default_factory=list)  # file pks linked from no site


def plan_moves(file_pks, sites_linking) -> FilePlan:
    """Decide for each of ``file_pks`` from ``sites_linking`` (file pk -> set of site pks): never a guess."""
    plan = FilePlan()
    for pk in file_pks:
        sites = sites_linking.get(pk, set())
        if len(sites) == 1:
            plan.moves[pk] = next(iter(sites))
        elif sites:
            plan.shared[pk] = sorted(sites)
        else:
            plan.unlinked.append(pk)
    return plan


def sites_linking(model, file_pks) -> dict[int, set[int]]:
    """For each file of ``model``, the sites of the pages, snippets and settings that link it."""
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model),
        to_object_id__in=[str(pk) for pk in file_pks],
    ).values_list("base_content_type_id", "object_id", "to_object_id")
    by_type = defaultdict(set)
    links = []
    for type_id, object_id, to_object_id in references:
        by_type[type_id].add(object_id)
        links.append((type_id, object_id, int(to_object_id)))
    site_of = {type_id: _sites_of_objects(type_id, ids) for type_id, ids in by_type.items()}
    result = defaultdict(set)
    for type_id, object_id, file_pk in links:
        site_pk = site_of[type_id].get(object_id)
        if site_pk is not None:
            result[file_pk].add(site_pk)
    return result


def _sites_of_objects(type_id, object_ids) -> dict[str, int]:
    """``object_id -> site pk`` for objects of one base content type (pages by tree, others by ``site``)."""
    model = ContentType.objects.get_for_id(type_id).model_class()
    if model is None:
        return {}
    if issubclass(model, Page):
        roots = sorted(
            Site.objects.values_list("pk", "root_page__path"), key=lambda row: len(row[1]), reverse=True
        )
        pages = Page.objects.filter(pk__in=[int(pk) for pk in object_ids]).values_list("pk", "path")
        # The deepest root wins: a site whose home lies inside another site's tree owns its own pages.
        return {
            str(pk): next((site_pk for site_pk, root in roots if path.startswith(root)), None)
            for pk, path in pages
        }
    if any(f.name == "site" and f.is_relation for f in model._meta.get_fields()):
        rows = model._default_manager.filter(pk__in=object_ids).values_list("pk", "site_id")
        return {str(pk): site_pk for pk, site_pk in rows}
    return {}


def _index_site_settings():
    """Bring the reference index up to date for site settings (one row a site): installations older than
    their registration with the index have none of their links (the logo) recorded."""
    for model in ReferenceIndex.indexed_models:
        if issubclass(model, BaseSiteSetting):
            for row in model.objects.all():
                ReferenceIndex.create_or_update_for_object(row)


def move_files_to_site_collections(write) -> int:
    """thgov_setup step: move the root collection's documents and images to their site's collection."""
    root = Collection.get_first_root_node()
    if root is None:
        return 0
    _index_site_settings()
    collections = dict(SiteCollection.objects.values_list("site_id", "collection_id"))
    names = dict(Site.objects.values_list("pk", "hostname"))
    moved = 0
    for model in (get_document_model(), get_image_model()):
        files = {obj.pk: obj for obj in model.objects.filter(collection=root)}
        if not files:
            continue
        plan = plan_moves(sorted(files), sites_linking(model, files))
        label = model._meta.verbose_name_plural
        for pk, site_pk in plan.moves.items():
            if site_pk not in collections:
                continue  # a site without its collection yet: the next run moves it
            obj = files[pk]
            obj.collection_id = collections[site_pk]
            obj.save(update_fields=["collection"])
            moved += 1
        for pk, site_pks in plan.shared.items():
            sites = ", ".join(names.get(site_pk, str(site_pk)) for site_pk in site_pks)
            write(
                f"  {label}: left in the root collection, linked from several sites ({sites}): "
                f"#{pk} {files[pk].title}"
            )
        for pk in plan.unlinked:
            write(f"  {label}: left in the root collection, linked from no site: #{pk} {files[pk].title}")
    if moved:
        write(f"files: {moved} moved to their site's collection")
    return moved
