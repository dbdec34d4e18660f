"""Security measures an integrator switches on in settings: response headers and upload checks.

- ``wagtail_thgov.security.middleware.SecurityHeadersMiddleware``: Content-Security-Policy for public
  pages and the admin, Referrer-Policy, Permissions-Policy, X-Content-Type-Options, X-Frame-Options.
- ``WAGTAILDOCS_DOCUMENT_FORM_BASE = "wagtail_thgov.security.uploads.SafeDocumentForm"`` and
  ``WAGTAILIMAGES_IMAGE_FORM_BASE = "wagtail_thgov.security.uploads.SafeImageForm"``: uploaded files
  must be what their extension says; executables, HTML and scripted SVG are refused. (The settings
  normally name ``wagtail_thgov.certifiedfiles.forms``, which add the certified-file freeze to these.)

See docs/security.md.
"""
