"""The security headers the plugin sends, as data: one policy for public pages, one for the admin.

Every directive can be replaced from settings (``THGOV_CSP``, ``THGOV_ADMIN_CSP``) and the video
providers allowed in frames extended (``THGOV_CSP_FRAME_SOURCES``); see docs/security.md.
"""

from django.conf import settings

# Providers Wagtail's oEmbed finders turn a video URL into a player for (the video block's choices).
VIDEO_FRAME_SOURCES = (
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.facebook.com",
)

# The public theme loads everything from its own origin: styles and scripts are static files, fonts are
# shipped, images are uploads or inline SVG data. Nothing inline runs.
PUBLIC_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": ["'self'", *VIDEO_FRAME_SOURCES],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

# Wagtail's admin still relies on inline styles and a few inline scripts (Draftail, the preview panel,
# third-party widgets), so its policy only fences in what can be fenced without breaking it: who may frame
# it, where forms post, plugins and <base>.
ADMIN_CSP = {
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

# Powerful browser features the site never uses; video players keep fullscreen and autoplay.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}

REFERRER_POLICY = "strict-origin-when-cross-origin"


def serialize_csp(directives):
    """``{"default-src": ["'self'"]}`` as a header value: ``default-src 'self'``."""
    return "; ".join(" ".join([name, *sources]).strip() for name, sources in directives.items())


def serialize_permissions_policy(features):
    """``{"camera": []}`` as a header value: ``camera=()``."""
    return ", ".join(f"{name}=({' '.join(origins)})" for name, origins in features.items())


def public_csp():
    """The public pages' policy: ``THGOV_CSP`` replaces directives, ``THGOV_CSP_FRAME_SOURCES`` adds players."""
    directives = {**PUBLIC_CSP, **getattr(settings, "THGOV_CSP", {})}
    extra_frames = list(getattr(settings, "THGOV_CSP_FRAME_SOURCES", []))
    if extra_frames:
        directives["frame-src"] = [*directives.get("frame-src", []), *extra_frames]
    return serialize_csp(directives)


def admin_csp():
    """The admin's policy; ``THGOV_ADMIN_CSP = {}`` sends none."""
    directives = getattr(settings, "THGOV_ADMIN_CSP", ADMIN_CSP)
    return serialize_csp(directives) if directives else ""
