"""The foundation layer of wagtail-thgov: what every capability shares, importing none of them.

- ``categories``: the ten publishing categories and the registry of page types by category;
- ``sites``: which sites a user may see or manage (``sites_for``), and the site-scoped admin views;
- ``spreadsheets``: formula-safe cells, header styles and write-only workbooks for every export;
- ``sniffing``: what a file really is, from its first bytes (one table of magic bytes);
- ``panels``: the registry through which capabilities add panels to the edit forms;
- ``thai``: Buddhist-Era dates, fiscal years, Thai numerals and slugs (its ``wagtail_hooks`` adds the slug script);
- ``registry``: the setup steps and scheduled jobs each capability registers at start-up;
- ``menu``: the one admin menu item class, shown by a rule.

The import-linter contracts in pyproject.toml keep it so: nothing here imports a capability.
"""
