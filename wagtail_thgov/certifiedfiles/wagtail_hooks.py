"""Admin wiring of the certified files: a file on a live certified page changes only through the workflow."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from ..metadata.files import file_models
from .bulk import refuse_moving_frozen_files
from .permissions import protect_file_models

# After every app's ready() registered its policy, and after sitefiles' per-site policies (the top-level
# wagtail_hooks imports sitefiles first): this wraps them. Wagtail's views ask the registry at request time.
protect_file_models(file_models())
hooks.register("before_bulk_action", refuse_moving_frozen_files)


@hooks.register("insert_global_admin_css")
def certified_files_admin_css():
    """The notice on the file edit screens and the checksums in the register (small; every admin page)."""
    return format_html(
        '<link rel="stylesheet" href="{}">', static("wagtail_thgov/css/certified-files-admin.css")
    )
