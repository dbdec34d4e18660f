"""Publishing periods and currency: expiry defaults per page type, scheduled jobs (django-q2),
the currency check (expiring, stale, out of date) shared by the digest, the dashboard and the report."""
