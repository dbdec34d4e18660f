"""Each municipality's own file library: one Wagtail collection per site for its documents and images.

``thgov_setup`` gives every site its collection (``SiteCollection`` links them, so the collection can be
renamed freely) and grants the site's role groups their document and image permissions on that
collection only; Wagtail's collection permission policy then keeps listings, choosers, edit and delete
views to the user's own sites. ``upgrade`` moves files an older installation kept in the root collection
to the site whose pages link them; ``views`` and ``serving`` close the few gaps Wagtail leaves (bulk
action confirmations, popular tags, private files behind a "logged-in users" restriction).
"""
