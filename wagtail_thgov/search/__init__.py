"""Site search that works for Thai: segmented, compound-aware index text and the public search page."""
