"""StreamField blocks: durations, file labels, validation messages and the HTML each template renders."""

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import translation
from PIL import Image as PILImage
from wagtail.blocks import StreamBlock
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from wagtail_thgov.blocks import (
    BODY_BLOCKS,
    ContactCardBlock,
    DocumentDownloadsBlock,
    GalleryBlock,
    HeadingBlock,
    ImageWithCaptionBlock,
    InfographicBlock,
    LinkBlock,
    LinkListBlock,
    PeopleBlock,
    ProcessStepsBlock,
    TableBlock,
    VideoEmbedBlock,
)
from wagtail_thgov.blocks.downloads import file_label, file_size_text
from wagtail_thgov.blocks.durations import (
    DAYS,
    HOURS,
    MINUTES,
    WORKING_DAYS,
    Duration,
    amount_text,
    duration_text,
    total_duration,
    total_text,
)
from wagtail_thgov.blocks.links import BOTH_TARGETS, NO_TARGET, NO_TITLE
from wagtail_thgov.blocks.media import ALT_TEXT_IS_FILE_NAME, ALT_TEXT_MISSING, with_iframe_title

D = Decimal
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def english():
    """Assert on the English msgids, whatever catalogs exist: the Thai wording is the translators' job."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads and renditions go to a folder of this test only."""
    settings.MEDIA_ROOT = str(tmp_path)


def png_file(name="photo.png", size=(800, 600)):
    """A small real PNG made with Pillow."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (0, 120, 200)).save(buffer, "PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name=name)


@pytest.fixture
def image():
    return get_image_model().objects.create(title="Health centre opening", file=png_file())


@pytest.fixture
def pdf_document():
    return get_document_model().objects.create(
        title="Annual budget 2568", file=ContentFile(PDF_BYTES, name="budget-2568.pdf")
    )


@pytest.fixture
def live_page():
    home = Site.objects.get(is_default_site=True).root_page
    return home.add_child(instance=Page(title="Building permits", slug="building-permits", live=True))


def render(block, raw):
    """Render a block from its stored (JSON) form, as a page would after loading it."""
    return block.render(block.to_python(raw))


def squash(html):
    """HTML with runs of whitespace made single spaces, to assert on text across template line breaks."""
    return re.sub(r"\s+", " ", html)


# Durations ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ([], Duration()),
        ([(D(30), MINUTES), (D(45), MINUTES)], Duration(hours=D(1), minutes=D(15))),
        ([(D(1), DAYS), (D(2), HOURS), (D(30), MINUTES)], Duration(days=D(1), hours=D(2), minutes=D(30))),
        ([(D("1.5"), HOURS), (D(15), MINUTES)], Duration(hours=D(1), minutes=D(45))),
        ([(D("0.25"), HOURS)], Duration(minutes=D(15))),
        ([(D("2.5"), MINUTES), (D("0.5"), MINUTES)], Duration(minutes=D(3))),
        ([(D(30), HOURS)], Duration(hours=D(30))),
        ([(D("1.5"), DAYS), (D(1), DAYS)], Duration(days=D("2.5"))),
        ([(D(3), WORKING_DAYS), (D(2), DAYS)], Duration(working_days=D(3), days=D(2))),
        ([(D(1), WORKING_DAYS), (D(7), HOURS)], Duration(working_days=D(1), hours=D(7))),
        ([(D(0), MINUTES), (None, HOURS)], Duration()),
    ],
)
def test_total_duration_adds_per_unit_and_rolls_minutes_into_hours_only(steps, expected):
    assert total_duration(steps) == expected


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ([], ""),
        ([(D(1), DAYS), (D(2), HOURS), (D(30), MINUTES)], "1 day 2 hours 30 minutes"),
        ([(D(90), MINUTES)], "1 hour 30 minutes"),
        ([(D(3), WORKING_DAYS), (D(1), DAYS)], "3 working days 1 day"),
        ([(D("1.50"), DAYS)], "1.5 days"),
        ([(D("0.5"), MINUTES)], "0.5 minutes"),
        ([(D(120), MINUTES)], "2 hours"),
    ],
)
def test_duration_text_lists_units_largest_first(steps, expected):
    assert duration_text(total_duration(steps)) == expected


def test_total_text_says_total_and_is_empty_for_no_time():
    assert total_text(total_duration([(D(15), MINUTES)])) == "Total 15 minutes"
    assert total_text(total_duration([])) == ""


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        (D(1), HOURS, "1 hour"),
        (D("1.00"), WORKING_DAYS, "1 working day"),
        (D(2), WORKING_DAYS, "2 working days"),
        (D("1.5"), HOURS, "1.5 hours"),
        (D(100), MINUTES, "100 minutes"),
    ],
)
def test_amount_text_keeps_the_step_as_entered(amount, unit, expected):
    assert amount_text(amount, unit) == expected


@pytest.mark.parametrize("steps", [[(D(-1), MINUTES)], [(D(1), "weeks")]])
def test_total_duration_refuses_negative_amounts_and_unknown_units(steps):
    with pytest.raises(ValueError):
        total_duration(steps)


# File labels ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (None, ""),
        (0, "0 B"),
        (12, "12 B"),
        (1023, "1023 B"),
        (1024, "1 KB"),
        (1536, "1.5 KB"),
        (870_400, "850 KB"),
        (1_048_575, "1 MB"),
        (1_258_291, "1.2 MB"),
        (1_572_864, "1.5 MB"),
        (3 * 1024**3, "3 GB"),
    ],
)
def test_file_size_text_uses_1024_byte_kilobytes_and_one_decimal(size, expected):
    assert file_size_text(size) == expected


@pytest.mark.django_db
def test_file_label_comes_from_the_stored_file(pdf_document):
    assert file_label(pdf_document) == f"PDF · {len(PDF_BYTES)} B"


@pytest.mark.django_db
def test_file_label_of_a_document_whose_file_is_gone_shows_the_type_only(pdf_document):
    pdf_document.file.delete(save=False)
    pdf_document.file.name = "documents/budget-2568.pdf"
    pdf_document.file_size = None
    assert file_label(pdf_document) == "PDF"


# Validation ----------------------------------------------------------------------------------------


def block_error_messages(error, name):
    return error.block_errors[name].messages


@pytest.mark.django_db
def test_link_to_both_a_page_and_a_web_address_is_refused(live_page):
    block = LinkBlock()
    value = block.to_python({"page": live_page.pk, "url": "https://www.dla.go.th/", "title": "DLA"})
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(value)
    assert block_error_messages(caught.value, "page") == [str(BOTH_TARGETS)]
    assert block_error_messages(caught.value, "url") == [str(BOTH_TARGETS)]


def test_link_to_neither_a_page_nor_a_web_address_is_refused():
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"title": "Somewhere"}))
    assert [e.message for e in caught.value.non_block_errors.as_data()] == [str(NO_TARGET)]


def test_link_to_neither_may_be_saved_as_a_draft():
    block = LinkBlock()
    block.clean_deferred(block.to_python({"title": "Somewhere"}))


def test_link_to_a_web_address_needs_a_title():
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"url": "https://www.dla.go.th/"}))
    assert block_error_messages(caught.value, "title") == [str(NO_TITLE)]


@pytest.mark.django_db
def test_link_to_a_page_alone_is_valid_and_takes_the_page_title(live_page):
    block = LinkBlock()
    value = block.clean(block.to_python({"page": live_page.pk}))
    assert value.text == "Building permits"


@pytest.mark.django_db
@pytest.mark.parametrize("block_class", [ImageWithCaptionBlock, InfographicBlock])
def test_image_without_alt_text_is_refused_with_a_plain_message(block_class, image):
    block = block_class()
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"image": image.pk, "alt_text": "  "}))
    assert block_error_messages(caught.value, "alt_text") == [str(ALT_TEXT_MISSING)]
    assert "This field is required" not in str(ALT_TEXT_MISSING)


@pytest.mark.django_db
def test_alt_text_that_is_a_file_name_is_refused(image):
    block = ImageWithCaptionBlock()
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"image": image.pk, "alt_text": "IMG_0042.JPG"}))
    assert block_error_messages(caught.value, "alt_text") == [str(ALT_TEXT_IS_FILE_NAME)]


@pytest.mark.django_db
def test_image_without_alt_text_may_be_saved_as_a_draft(image):
    block = ImageWithCaptionBlock()
    block.clean_deferred(block.to_python({"image": image.pk, "alt_text": ""}))


def test_image_without_an_image_reports_both_problems():
    block = ImageWithCaptionBlock()
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"image": None, "alt_text": ""}))
    assert set(caught.value.block_errors) == {"image", "alt_text"}


def test_gallery_needs_at_least_one_image():
    block = GalleryBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"heading": "Songkran 2568", "images": []}))


def test_process_step_duration_cannot_be_negative():
    block = ProcessStepsBlock()
    raw = {"steps": [{"title": "Check documents", "duration": "-5", "unit": MINUTES}]}
    with pytest.raises(ValidationError):
        block.clean(block.to_python(raw))


# Rendering ----------------------------------------------------------------------------------------


def test_process_steps_render_an_ordered_list_with_each_duration_and_the_total():
    raw = {
        "heading": "How to apply",
        "steps": [
            {
                "title": "Hand in the form",
                "description": "At the counter.",
                "responsible_unit": "Revenue section",
                "duration": "30",
                "unit": MINUTES,
            },
            {"title": "Check the documents", "duration": "2", "unit": HOURS},
            {"title": "Approve", "duration": "1", "unit": DAYS},
            {"title": "Issue the licence", "duration": "3", "unit": WORKING_DAYS},
        ],
    }
    block = ProcessStepsBlock()
    value = block.to_python(raw)
    html = squash(block.render(value))

    assert value.total == Duration(working_days=D(3), days=D(1), hours=D(2), minutes=D(30))
    assert '<ol class="process-steps__list">' in html
    assert html.count('<li class="process-steps__item">') == 4
    assert '<h2 class="process-steps__heading">How to apply</h2>' in html
    assert '<h3 class="process-step__title">Hand in the form</h3>' in html
    assert "<dd>Revenue section</dd>" in html
    assert "<dd>30 minutes</dd>" in html
    assert "<dd>3 working days</dd>" in html
    assert "Total 3 working days 1 day 2 hours 30 minutes" in html


def test_process_steps_without_any_time_show_no_total():
    block = ProcessStepsBlock()
    html = render(block, {"steps": [{"title": "Ask at the counter", "duration": "0", "unit": MINUTES}]})
    assert "process-steps__total" not in html


@pytest.mark.django_db
def test_downloads_show_title_link_type_and_size(pdf_document):
    block = DocumentDownloadsBlock()
    html = squash(
        render(
            block,
            {
                "heading": "Forms",
                "documents": [{"document": pdf_document.pk, "description": "Approved by the council."}],
            },
        )
    )
    assert f'href="{pdf_document.url}"' in html
    assert "Annual budget 2568" in html
    assert f"(PDF · {len(PDF_BYTES)} B)" in html
    assert "Approved by the council." in html


@pytest.mark.django_db
def test_downloads_leave_out_deleted_documents(pdf_document):
    block = DocumentDownloadsBlock()
    value = block.to_python(
        {"documents": [{"document": pdf_document.pk}, {"document": pdf_document.pk + 999}]}
    )
    html = block.render(value)
    assert html.count('<li class="document-downloads__item">') == 1


@pytest.mark.django_db
def test_image_with_caption_renders_a_rendition_with_the_alt_text(image):
    html = render(
        ImageWithCaptionBlock(),
        {
            "image": image.pk,
            "alt_text": "The mayor opens the health centre",
            "caption": "Opening day",
            "credit": "Public relations section",
        },
    )
    assert re.search(r'<img [^>]*alt="The mayor opens the health centre"', html)
    assert "/images/" in html  # a rendition, not the original upload
    assert "<figcaption" in html and "Opening day" in html
    assert "Source: Public relations section" in html


@pytest.mark.django_db
def test_gallery_renders_thumbnails_linking_to_larger_renditions(image):
    other = get_image_model().objects.create(title="Market", file=png_file("market.png", (1200, 900)))
    html = render(
        GalleryBlock(),
        {
            "heading": "Songkran 2568",
            "images": [
                {"image": image.pk, "alt_text": "Children splash water on elders"},
                {"image": other.pk, "alt_text": "The night market", "caption": "Every Friday"},
            ],
        },
    )
    assert html.count('<li class="gallery__item">') == 2
    assert re.search(r'<img [^>]*alt="Children splash water on elders"', html)
    assert re.search(r'<img [^>]*alt="The night market"', html)
    assert 'width="400"' in html and 'height="300"' in html
    assert re.search(r'<a class="gallery__link" href="[^"]*\.max-1600x1600\.png"', html)


@pytest.mark.django_db
def test_infographic_has_a_text_version_source_and_thai_date(image):
    html = squash(
        render(
            InfographicBlock(),
            {
                "image": image.pk,
                "alt_text": "Budget 2568 by sector",
                "long_description": "<p>Education takes 40 percent of the budget.</p>",
                "source": "Finance division",
                "date": "2025-03-01",
            },
        )
    )
    assert re.search(r'<img [^>]*alt="Budget 2568 by sector"', html)
    assert "<details" in html and "<summary>Text version of this infographic</summary>" in html
    assert "Education takes 40 percent of the budget." in html
    assert "Source: Finance division" in html
    assert '<time datetime="2025-03-01">1 มีนาคม 2568</time>' in html


@pytest.mark.django_db
def test_person_photo_alt_text_is_the_name_and_names_are_one_level_below_the_heading(image):
    html = squash(
        render(
            PeopleBlock(),
            {
                "heading": "Executives",
                "people": [
                    {
                        "name": "Somchai Jaidee",
                        "position": "Mayor",
                        "photo": image.pk,
                        "phone": "0 5312 3456 ต่อ 101",
                        "email": "mayor@example.go.th",
                        "unit": "Office of the Mayor",
                    },
                    {"name": "Malee Suksai", "position": "Deputy mayor"},
                ],
            },
        )
    )
    assert '<h2 class="people__heading">Executives</h2>' in html
    assert '<h3 class="person-card__name">Somchai Jaidee</h3>' in html
    assert re.search(r'<img [^>]*alt="Somchai Jaidee"', html)
    assert 'href="tel:053123456"' in html
    assert 'href="mailto:mayor@example.go.th"' in html
    assert html.count("<img") == 1


def test_contact_card_lists_channels_and_map_link():
    html = squash(
        render(
            ContactCardBlock(),
            {
                "heading": "Revenue section",
                "address": "99 Moo 1\nBan Suan",
                "phone": "053 123 456",
                "fax": "053 123 457",
                "email": "revenue@example.go.th",
                "office_hours": "Mon–Fri 8:30–16:30",
                "map_link": "https://maps.example.com/office",
            },
        )
    )
    assert '<h2 class="contact-card__heading">Revenue section</h2>' in html
    assert "<address" in html and "99 Moo 1<br>Ban Suan" in html
    assert 'href="tel:053123456"' in html
    assert "<dd>053 123 457</dd>" in html
    assert 'href="https://maps.example.com/office"' in html


@pytest.mark.django_db
def test_link_list_links_live_pages_and_web_addresses_and_skips_unpublished_pages(live_page):
    draft = live_page.get_parent().add_child(instance=Page(title="Draft", slug="draft", live=False))
    html = squash(
        render(
            LinkListBlock(),
            {
                "heading": "Related services",
                "links": [
                    {"page": live_page.pk, "description": "Apply online."},
                    {"url": "https://www.dla.go.th/", "title": "Department of Local Administration"},
                    {"page": draft.pk},
                ],
            },
        )
    )
    assert html.count('<li class="link-list__item">') == 2
    assert f'href="{live_page.url}">Building permits</a>' in html
    assert 'href="https://www.dla.go.th/">Department of Local Administration</a>' in html
    assert "Apply online." in html
    assert "Draft" not in html


@pytest.mark.django_db
def test_video_iframe_gets_the_editors_title_and_the_transcript_is_shown():
    url = "https://www.youtube.com/watch?v=thgov-demo"
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        title="Provider title",
        html='<iframe width="560" height="315" src="https://www.youtube.com/embed/thgov-demo" '
        'title="YouTube video player" allowfullscreen></iframe>',
    )
    html = squash(
        render(
            VideoEmbedBlock(),
            {
                "video": url,
                "title": "How to pay land tax online",
                "caption": "Revenue section, 2568",
                "transcript": "Open the tax page.\n\nChoose pay online.",
            },
        )
    )
    assert 'title="How to pay land tax online"' in html
    assert "YouTube video player" not in html
    assert "<summary>Transcript</summary>" in html and "<p>Open the tax page.</p>" in html
    assert "style=" not in html


@pytest.mark.django_db
def test_video_from_an_unknown_provider_falls_back_to_a_link():
    html = render(
        VideoEmbedBlock(), {"video": "https://video.example.invalid/clip", "title": "Council meeting"}
    )
    assert '<a href="https://video.example.invalid/clip">Council meeting</a>' in html
    assert "<iframe" not in html


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<iframe src="x"></iframe>', '<iframe title="A &amp; B" src="x"></iframe>'),
        ("<IFRAME title='old' src=\"x\">", '<IFRAME title="A &amp; B" src="x">'),
        (
            '<iframe data-title="keep" title=old src="x">',
            '<iframe title="A &amp; B" data-title="keep" src="x">',
        ),
        ("<div>no player</div>", "<div>no player</div>"),
    ],
)
def test_with_iframe_title_replaces_the_providers_title(html, expected):
    assert with_iframe_title(html, "A & B") == expected


def test_table_has_caption_and_scoped_header_cells():
    html = squash(
        render(
            TableBlock(),
            {
                "caption": "Fees for building permits",
                "table": {
                    "data": [["Building", "Fee"], ["House", "100"], ["Shop", "300"]],
                    "table_header_choice": "both",
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                },
            },
        )
    )
    assert (
        '<div class="table-block" role="region" aria-label="Fees for building permits" tabindex="0">' in html
    )
    assert "<caption>Fees for building permits</caption>" in html
    assert html.count('<th scope="col"') == 2
    assert '<th scope="row" >House</th>' in html
    assert "<td >300</td>" in html


def test_heading_renders_h2():
    assert render(HeadingBlock(), "Taxes and fees").strip() == '<h2 class="body-heading">Taxes and fees</h2>'


@pytest.mark.django_db
def test_body_blocks_render_as_one_stream_and_fetch_documents_in_one_query(
    pdf_document, django_assert_max_num_queries
):
    body = StreamBlock(BODY_BLOCKS)
    assert [name for name, _block in BODY_BLOCKS] == [
        "heading",
        "paragraph",
        "image",
        "gallery",
        "infographic",
        "video",
        "table",
        "downloads",
        "links",
        "people",
        "contact",
        "steps",
        "satisfaction",
        "visitor_counter",
    ]
    raw = [
        {"type": "heading", "value": "Forms"},
        {"type": "paragraph", "value": "<p>Download and fill in.</p>"},
        {"type": "downloads", "value": {"documents": [{"document": pdf_document.pk}] * 3}},
        {"type": "steps", "value": {"steps": [{"title": "Apply", "duration": "15", "unit": MINUTES}]}},
    ]
    pdf_document.get_file_size()  # stored once, as the admin's upload form does
    with django_assert_max_num_queries(1):
        html = squash(body.render(body.to_python(raw)))
    assert '<h2 class="body-heading">Forms</h2>' in html
    assert '<div class="prose"><p>Download and fill in.</p></div>' in html
    assert html.count("(PDF · ") == 3
    assert "Total 15 minutes" in html


def test_body_stream_accepts_an_infographic_date():
    block = dict(BODY_BLOCKS)["infographic"]
    value = block.to_python({"date": "2024-10-01", "alt_text": "x", "source": "y"})
    assert value["date"] == dt.date(2024, 10, 1)
    assert value.date_text == "1 ตุลาคม 2567"
