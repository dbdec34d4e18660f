"""Open data: the site's datasets in a catalogue the national GD-Catalog can harvest (issue 22)."""
