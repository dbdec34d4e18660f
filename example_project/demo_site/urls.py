"""URLs of the demo municipality site."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from wagtail_thgov import urls as thgov_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Wagtail's reports and page chooser narrowed to the user's own municipality: before Wagtail's admin.
    path("admin/", include("wagtail_thgov.isolation.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include(thgov_urls)),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

# A database outage answers 503 with a Thai message (nothing stored, try again), not a bare 500.
handler500 = "wagtail_thgov.views.server_error"
