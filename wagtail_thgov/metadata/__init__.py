"""Government metadata on every thgov page: what is typed, what is derived, what is missing."""
