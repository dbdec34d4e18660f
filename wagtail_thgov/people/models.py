"""A person of a municipality, scoped to one Wagtail site so that a host of many sites keeps them apart."""

from collections import defaultdict

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class Side(models.TextChoices):
    """The two sides of a Thai local administration."""

    POLITICAL = "political", _("Political side")
    PERMANENT = "permanent", _("Permanent side")


# Executives and the council come before the officers, as on every municipality's structure chart.
SIDE_ORDER = [Side.POLITICAL, Side.PERMANENT]


class PersonQuerySet(models.QuerySet):
    """People of one site, ready to show with their photos."""

    def for_site(self, site):
        return self.filter(site=site)

    def with_photos(self):
        """Photos and their existing renditions in two extra queries, whatever the number of people."""
        return self.select_related("photo").prefetch_related("photo__renditions")


class Person(index.Indexed, models.Model):
    """An executive, council member or officer shown on the structure and directory pages."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The municipality website this person belongs to."),
    )
    name = models.CharField(_("name"), max_length=255)
    position = models.CharField(_("position"), max_length=255)
    unit = models.CharField(
        _("office or section"),
        max_length=255,
        blank=True,
        help_text=_("For example: สำนักปลัดเทศบาล, กองคลัง, คณะผู้บริหาร, สภาเทศบาล."),
    )
    side = models.CharField(_("side"), max_length=16, choices=Side.choices, default=Side.PERMANENT)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField(_("telephone"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    sort_order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first, within the side and the office.")
    )

    objects = PersonQuerySet.as_manager()

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("position"),
        FieldRowPanel([FieldPanel("side"), FieldPanel("unit")]),
        FieldPanel("photo"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("phone"), FieldPanel("email")])], heading=_("Contact")),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("position"),
        index.SearchField("unit"),
        index.FilterField("site"),
    ]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["sort_order", "name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.position})" if self.position else self.name


def group_people(people) -> list[dict]:
    """People ordered by ``sort_order`` as ``[{"side", "label", "units": [{"name", "people"}]}]``.

    Sides come political first; units keep the order of their first person; empty groups are left out.
    """
    by_side = defaultdict(dict)
    for person in people:
        by_side[person.side].setdefault(person.unit, []).append(person)
    return [
        {
            "side": side,
            "label": side.label,
            "units": [{"name": unit, "people": members} for unit, members in by_side[side].items()],
        }
        for side in SIDE_ORDER
        if by_side.get(side)
    ]
