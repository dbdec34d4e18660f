"""What the file libraries register at start-up (``core.registry``)."""

from ..core.registry import setup_step

# After the workflows step, which gives every site its collection: files still in the root move there.
setup_step(300, "files to site collections", "wagtail_thgov.sitefiles.upgrade.move_files_to_site_collections")
