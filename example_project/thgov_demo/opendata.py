"""Demo of the open data catalogue: the site's defaults and a few pages the other steps published marked
as datasets, as the municipality's webmaster would in each page's Metadata tab.

The budget ordinance (its spreadsheet of spending by programme), the latest monthly procurement summary,
the waste statistics, the website's visitor statistics and the local development plan. Each dataset is
added to the page in a new revision, published; the demo's last step then certifies it through the real
workflow, so the catalogue lists it. Creates only what is missing.
"""

from wagtail.documents import get_document_model

from wagtail_thgov.metadata.files import referenced_document_ids
from wagtail_thgov.opendata.models import Dataset, OpenDataSettings
from wagtail_thgov.pages.agency import PlanDocumentPage, PlanKind
from wagtail_thgov.pages.knowledge import KnowledgeKind, KnowledgePage
from wagtail_thgov.pages.procurement import ProcurementSummaryPage
from wagtail_thgov.stats.pages import StatisticsPage

SETTINGS = {
    "organisation_name": "bansuandokmai",
    "objective": "พันธกิจหน่วยงาน",
    "update_frequency_unit": "ปี",
    "update_frequency_interval": 1,
    "geo_coverage": "เทศบาล/อบต.",
    "data_category": "ข้อมูลสาธารณะ",
    "license_id": "Open Data Common",
    "maintainer": "สำนักปลัดเทศบาล เทศบาลตำบลบ้านสวนดอกไม้",
    "maintainer_email": "saraban@bansuandokmai.example",
}


def _latest(queryset, *order):
    return queryset.order_by(*order).last()


def _spreadsheet_of(page):
    """The first spreadsheet attached to ``page``, if any."""
    ids = [int(pk) for pk in referenced_document_ids(page)]
    documents = get_document_model().objects.in_bulk(ids)
    return next(
        (documents[pk] for pk in ids if pk in documents and documents[pk].file_extension.lower() == "xlsx"),
        None,
    )


def _mark(builder, page, **fields):
    """Add a dataset to ``page`` in a new published revision, unless it has one."""
    if page is None or page.thgov_datasets.exists():
        return
    page.thgov_datasets.add(Dataset(**fields))
    page.save_revision().publish()
    builder.created += 1
    builder.write(f"  + dataset: {fields.get('title') or page.title}")


def build_opendata_demo(builder, home, site):
    """The catalogue's defaults for the demo site and its datasets."""
    settings = OpenDataSettings.for_site(site)
    if not settings.organisation_name:
        for field, value in SETTINGS.items():
            setattr(settings, field, value)
        settings.save()
        builder.created += 1
    budget = _latest(
        PlanDocumentPage.objects.descendant_of(home).live().filter(kind=PlanKind.BUDGET), "fiscal_year"
    )
    if budget is not None:
        _mark(
            builder,
            budget,
            document=_spreadsheet_of(budget),
            data_type="ข้อมูลระเบียน",
            objective="กฎหมายที่เกี่ยวข้อง",
        )
    plan = _latest(
        PlanDocumentPage.objects.descendant_of(home).live().filter(kind=PlanKind.DEVELOPMENT_PLAN),
        "fiscal_year",
    )
    _mark(
        builder, plan, data_type="ข้อมูลหลากหลายประเภท", update_frequency_unit="ปี", update_frequency_interval=1
    )
    summary = _latest(ProcurementSummaryPage.objects.descendant_of(home).live(), "announcement_date")
    _mark(
        builder,
        summary,
        data_type="ข้อมูลระเบียน",
        objective="กฎหมายที่เกี่ยวข้อง",
        update_frequency_unit="เดือน",
        update_frequency_interval=1,
    )
    waste = _latest(
        KnowledgePage.objects.descendant_of(home)
        .live()
        .filter(kind=KnowledgeKind.STATISTICS, slug__startswith="waste-statistics"),
        "fiscal_year",
    )
    _mark(builder, waste, data_type="ข้อมูลสถิติ", objective="เพื่อการให้บริการประชาชน")
    visitors = StatisticsPage.objects.descendant_of(home).live().first()
    _mark(
        builder,
        visitors,
        data_type="ข้อมูลสถิติ",
        update_frequency_unit="เดือน",
        update_frequency_interval=1,
    )
