"""What a download link tells the reader before they click: file type and size, ``"PDF · 1.2 MB"``."""

from ..metadata.files import file_info, format_file_size

# One formatting rule for the whole plugin: the metadata box, the inventory and the blocks agree.
file_size_text = format_file_size


def file_label(document) -> str:
    """Type and size of a Wagtail document, ``"PDF · 1.2 MB"``, from the stored file itself."""
    return file_info(document).label
