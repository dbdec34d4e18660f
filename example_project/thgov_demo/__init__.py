"""The demo of the example project: a fictional municipality built by ``manage.py thgov_demo``.

Not part of the pip package: ``wagtail_thgov`` knows nothing of it. Each capability's demo content is a
module here (``agency``, ``news``, ``manuals``, ``stats``, ``eservice``, ``compliance``); ``content``
lists them once, in the order they are built. Everything here is fictional: the municipality, its
people, its addresses and numbers.
"""
