"""Per-municipality settings (guideline §1.1 contact channels), one row per Wagtail site."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Site

from ..cache.sitedata import per_site


class MunicipalityType(models.TextChoices):
    """The kinds of Thai local administration this plugin serves."""

    SUBDISTRICT_MUNICIPALITY = "tambon", _("Subdistrict municipality (เทศบาลตำบล)")
    TOWN_MUNICIPALITY = "mueang", _("Town municipality (เทศบาลเมือง)")
    CITY_MUNICIPALITY = "nakhon", _("City municipality (เทศบาลนคร)")
    SAO = "sao", _("Subdistrict administrative organisation (อบต.)")
    PAO = "pao", _("Provincial administrative organisation (อบจ.)")


@register_setting(icon="site")
class MunicipalitySettings(ClusterableModel, BaseSiteSetting):
    """Who the municipality is and how citizens reach it; shown in the header, footer and contact page."""

    name_th = models.CharField(_("official name (Thai)"), max_length=255, blank=True)
    name_en = models.CharField(_("official name (English)"), max_length=255, blank=True)
    municipality_type = models.CharField(
        _("type of local administration"), max_length=16, choices=MunicipalityType.choices, blank=True
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=100, blank=True)
    fax = models.CharField(_("fax"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    office_hours = models.CharField(
        _("office hours"), max_length=255, blank=True, help_text=_("For example: จันทร์–ศุกร์ 08:30–16:30 น.")
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    map_url = models.URLField(
        _("map link"), blank=True, help_text=_("A link to the office on a map service.")
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name_th"),
                FieldPanel("name_en"),
                FieldPanel("municipality_type"),
                FieldPanel("logo"),
            ],
            heading=_("Agency"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
                FieldPanel("email"),
                FieldPanel("office_hours"),
            ],
            heading=_("Contact channels"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]), FieldPanel("map_url")],
            heading=_("Location"),
        ),
        InlinePanel("social_links", heading=_("Social media"), label=_("link")),
    ]

    # The header shows the logo and the site's name: read with the settings, not one query each.
    select_related = ["site", "logo"]

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipality")

    @classmethod
    def base_queryset(cls):
        return super().base_queryset().prefetch_related("social_links")

    @classmethod
    def for_request(cls, request):
        """The request site's settings, read once per site generation (``cache.sitedata``), not per page.

        Every public page's header and footer show them; any change to the settings, their logo or their
        social links bumps the generation, so the next request reads them again.
        """
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        settings = per_site(request, "municipality", lambda: cls.for_site(site), site_id=site.pk)
        settings._request = request
        setattr(request, attr_name, settings)
        return settings

    def __str__(self):
        return self.name_th or str(self.site)

    @property
    def display_name(self):
        """The Thai name, else the English name, else the site's name."""
        return self.name_th or self.name_en or self.site.site_name or ""

    @property
    def map_link(self):
        """The configured map link, or one built from the coordinates."""
        if self.map_url:
            return self.map_url
        if self.latitude is not None and self.longitude is not None:
            return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=17/{self.latitude}/{self.longitude}"
        return ""


class SocialPlatform(models.TextChoices):
    """Social networks Thai municipalities use."""

    FACEBOOK = "facebook", "Facebook"
    LINE = "line", "LINE"
    YOUTUBE = "youtube", "YouTube"
    X = "x", "X"
    TIKTOK = "tiktok", "TikTok"
    INSTAGRAM = "instagram", "Instagram"
    OTHER = "other", _("Other")


class SocialLink(Orderable):
    """One social-media channel of a municipality."""

    settings = ParentalKey(MunicipalitySettings, on_delete=models.CASCADE, related_name="social_links")
    platform = models.CharField(_("platform"), max_length=16, choices=SocialPlatform.choices)
    url = models.URLField(_("address (URL)"))
    label = models.CharField(_("label"), max_length=100, blank=True)

    panels = [FieldPanel("platform"), FieldPanel("url"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("social media link")
        verbose_name_plural = _("social media links")

    def __str__(self):
        return self.label or self.get_platform_display()
