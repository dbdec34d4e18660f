"""Certified files: a document or image a citizen sees changes only through a certified page revision.

A file carried by a live page whose workflow includes the certification step, or covered by any past
certification, is frozen for everyone but superusers: its file, title and what citizens see of it
cannot be replaced and it cannot be deleted, by the edit form, the multiple-upload endpoints or the
bulk actions. A new version is a new document or image, attached to a page revision that goes
through both workflow steps; the public page serves the certified file until then. ``freeze`` holds
the rule, ``forms`` and ``permissions`` enforce it, and the edit screens explain it in Thai.
"""
