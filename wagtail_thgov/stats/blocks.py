"""StreamField blocks of the statistics widgets (add them to a page's body blocks where wanted)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class SatisfactionWidgetBlock(blocks.StructBlock):
    """The 1–5 satisfaction rating with its public results, for this page or for the whole website."""

    scope = blocks.ChoiceBlock(
        choices=[("page", _("This page")), ("site", _("The whole website"))],
        default="page",
        label=_("What is rated"),
    )

    class Meta:
        icon = "pick"
        label = _("Satisfaction rating")
        template = "wagtail_thgov/stats/blocks/satisfaction_widget_block.html"


class SiteCounterBlock(blocks.StaticBlock):
    """The visitor counter: today, yesterday, this month, this year and in total."""

    class Meta:
        icon = "order"
        label = _("Visitor counter")
        admin_text = _("Shows the number of visits today, yesterday, this month, this year and in total.")
        template = "wagtail_thgov/stats/blocks/site_counter_block.html"
