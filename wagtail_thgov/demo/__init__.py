"""Demo content for a fictional municipality, built by ``thgov_demo``.

Everything here is fictional: the municipality, its people, its addresses and numbers.
"""
