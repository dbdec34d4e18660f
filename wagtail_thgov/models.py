"""Model registry: Django finds every model of the plugin through this module."""

from .cache.models import PageCacheGeneration  # noqa: F401
from .compliance.models import ChecklistItem, ComplianceSettings, ManualEvidence, Standard  # noqa: F401
from .compliance.pages import ItaIndexPage  # noqa: F401
from .documents.models import DocumentText  # noqa: F401  (text of each file version, issue 21)
from .eservice.models import (  # noqa: F401  (e-Service requests, issue 8)
    EServiceSettings,
    RequestAttachment,
    RequestEvent,
    ServiceRequest,
    TrackingCounter,
)
from .eservice.pages import EServiceFormField, EServiceIndexPage, EServicePage  # noqa: F401
from .metadata.certified_files import CertifiedFile  # noqa: F401  (file versions each certification covered)
from .metadata.models import InformationSource, PageKeyword  # noqa: F401
from .opendata.models import Dataset, OpenDataSettings  # noqa: F401  (open data, issue 22)
from .pages.agency import (  # noqa: F401
    AgencyIndexPage,
    AgencyInfoPage,
    ContactPage,
    OrganisationStructurePage,
    PersonnelDirectoryPage,
    PlanDocumentPage,
)
from .pages.home import MunicipalityHomePage, SiteMapPage  # noqa: F401
from .pages.knowledge import KnowledgeIndexPage, KnowledgePage  # noqa: F401
from .pages.law import LawIndexPage, LawPage  # noqa: F401
from .pages.links import RelatedLinksPage  # noqa: F401
from .pages.manuals import (  # noqa: F401  # noqa: F401
    CitizenManualIndexPage,
    CitizenManualPage,
    OperatingManualIndexPage,
    OperatingManualPage,
)
from .pages.news import AnnouncementIndexPage, JobAnnouncementPage, NewsIndexPage, NewsPage  # noqa: F401
from .pages.procurement import (  # noqa: F401
    ProcurementAnnouncementPage,
    ProcurementResultPage,
    ProcurementSummaryPage,  # noqa: F401
)
from .pages.public_info import PublicInfoIndexPage, PublicInfoPage  # noqa: F401
from .people.models import Person  # noqa: F401
from .publishing.models import ExpiryDefault, PublishingSettings  # noqa: F401
from .site_settings.models import MunicipalitySettings, SocialLink  # noqa: F401
from .sitefiles.models import SiteCollection  # noqa: F401
from .stats.models import (  # noqa: F401
    DailySalt,
    PageViewDay,
    SatisfactionRating,
    SiteVisitDay,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    VisitorHashDay,
)
from .stats.pages import SatisfactionSurveyPage, StatisticsPage  # noqa: F401
from .workflows.models import CertificationTask, CompletenessCheckTask, RoleGroup  # noqa: F401
