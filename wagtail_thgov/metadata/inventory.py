"""The inventory of published information: every live thgov page with its metadata facts.

Shared by the admin report and ``manage.py thgov_inventory``; the number of queries does not grow
with the number of pages (one per page type, plus one for references, one for documents and one for
the file versions the live revisions' certifications covered).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from ..core.categories import category_of, page_types
from ..core.thai import thai_datetime
from .certified_files import CertifiedFile, certified_files_by_revision
from .completeness import missing_metadata
from .files import FileInfo, file_info


def thgov_page_models() -> list[type]:
    """Every concrete page type that carries the government metadata (the category registry's page types)."""
    return page_types()


def live_thgov_pages(site=None):
    """Live thgov pages (base ``Page`` rows, ordered by tree path), optionally within one site."""
    queryset = Page.objects.live().type(*thgov_page_models()).order_by("path")
    if site is not None:
        queryset = queryset.descendant_of(site.root_page, inclusive=True)
    return queryset


@dataclass
class InventoryRow:
    """One page of the inventory."""

    page: Page
    category_code: str
    category_name: str
    page_type: str
    url: str
    missing: list = field(default_factory=list)
    files: list[FileInfo] = field(default_factory=list)
    certified_files: list[CertifiedFile] = field(
        default_factory=list
    )  # as the live revision's certification saw them

    @property
    def title(self):
        return self.page.title

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def missing_labels(self) -> list[str]:
        return [item.label for item in self.missing]

    @property
    def files_label(self) -> str:
        return "; ".join(f"{info.title} ({info.label})" for info in self.files)

    @property
    def certified_files_label(self) -> str:
        return "; ".join(record.label for record in self.certified_files)

    @property
    def last_updated(self):
        return self.page.last_published_at

    @property
    def expire_at(self):
        return self.page.expire_at

    @property
    def pk(self):
        return self.page.pk

    @property
    def last_updated_label(self) -> str:
        return thai_datetime(self.last_updated) if self.last_updated else ""

    @property
    def expire_at_label(self) -> str:
        return thai_datetime(self.expire_at) if self.expire_at else ""

    def as_json(self) -> dict:
        return {
            "category": self.category_code,
            "page_type": self.page_type,
            "url": self.url,
            "title": self.title,
            "complete": self.complete,
            "missing": [item.name for item in self.missing],
            "missing_labels": self.missing_labels,
            "files": [
                {
                    "title": f.title,
                    "url": f.url,
                    "extension": f.extension,
                    "size": f.size,
                    "mime_type": f.mime_type,
                }
                for f in self.files
            ],
            "certified_files": [
                {"title": r.title, "file_name": r.file_name, "size": r.size, "sha256": r.sha256}
                for r in self.certified_files
            ],
            "last_updated": self.last_updated.isoformat() if self.last_updated else None,
            "expire_at": self.expire_at.isoformat() if self.expire_at else None,
        }


def files_by_page(page_ids) -> dict[int, list[FileInfo]]:
    """Documents each page refers to, from Wagtail's reference index, in two queries."""
    document_model = get_document_model()
    page_type = ReferenceIndex._get_base_content_type(Page)
    document_type = ReferenceIndex._get_base_content_type(document_model)
    wanted = {str(pk) for pk in page_ids}
    references = defaultdict(list)
    for object_id, to_object_id in (
        ReferenceIndex.objects.filter(base_content_type=page_type, to_content_type=document_type)
        .order_by("id")
        .values_list("object_id", "to_object_id")
    ):
        if object_id in wanted and to_object_id not in references[object_id]:
            references[object_id].append(to_object_id)
    document_ids = {int(pk) for ids in references.values() for pk in ids}
    documents = document_model.objects.in_bulk(document_ids) if document_ids else {}
    return {
        int(page_id): [file_info(documents[int(pk)]) for pk in ids if int(pk) in documents]
        for page_id, ids in references.items()
    }


def build_inventory(pages, request=None) -> list[InventoryRow]:
    """Inventory rows for ``pages`` (a queryset of base Page rows)."""
    specific_pages = list(pages.specific())
    files = files_by_page([page.pk for page in specific_pages])
    certified = certified_files_by_revision([page.live_revision_id for page in specific_pages])
    rows = []
    for page in specific_pages:
        page._thgov_files = files.get(page.pk, [])
        category = category_of(page)
        rows.append(
            InventoryRow(
                page=page,
                category_code=category.code if category else "",
                category_name=category.name_th if category else "",
                page_type=str(page._meta.verbose_name),
                url=page.get_full_url(request) or "",
                missing=missing_metadata(page),
                files=page._thgov_files,
                certified_files=certified.get(page.live_revision_id, []),
            )
        )
    return rows
