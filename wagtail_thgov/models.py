"""Model registry: Django finds every model of the plugin through this module."""

from .metadata.models import InformationSource, PageKeyword  # noqa: F401
from .workflows.models import CertificationTask, CompletenessCheckTask  # noqa: F401
from .pages.home import MunicipalityHomePage, SiteMapPage  # noqa: F401
from .site_settings.models import MunicipalitySettings, SocialLink  # noqa: F401
