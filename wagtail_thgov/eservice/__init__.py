"""e-Service requests (§1.9): citizen submissions with tracking codes, staff handling, status lookup,
monthly statistics and retention of personal data."""
