"""The steps of a service process, each with its duration, and the total time."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from . import durations


class ProcessStepValue(blocks.StructValue):
    """One step, with its duration in words as entered (``"90 minutes"`` stays 90 minutes)."""

    @property
    def duration_text(self):
        amount, unit = self.get("duration"), self.get("unit")
        if amount is None or not unit:
            return ""
        return durations.amount_text(amount, unit)


class ProcessStepBlock(blocks.StructBlock):
    """A step: what happens, who does it and how long it takes."""

    title = blocks.CharBlock(label=_("Step"), max_length=255)
    description = blocks.TextBlock(label=_("Description"), required=False)
    responsible_unit = blocks.CharBlock(
        label=_("Responsible unit"),
        required=False,
        max_length=255,
        help_text=_("The office or section that does this step."),
    )
    duration = blocks.DecimalBlock(label=_("Duration"), min_value=0, decimal_places=2, max_digits=8)
    unit = blocks.ChoiceBlock(label=_("Time unit"), choices=durations.UNIT_CHOICES, default=durations.MINUTES)

    class Meta:
        icon = "tasks"
        label = _("Step")
        label_format = "{title}"
        value_class = ProcessStepValue
        template = "wagtail_thgov/blocks/process_step.html"


class ProcessStepsValue(blocks.StructValue):
    """The steps, with their total duration (``total``, a ``Duration``) and ``total_text``."""

    @property
    def total(self):
        steps = self.get("steps") or []
        return durations.total_duration((step.get("duration"), step.get("unit")) for step in steps)

    @property
    def total_text(self):
        return durations.total_text(self.total)


class ProcessStepsBlock(blocks.StructBlock):
    """An ordered list of process steps and the total time the process takes."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=255)
    steps = blocks.ListBlock(ProcessStepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Process steps")
        value_class = ProcessStepsValue
        template = "wagtail_thgov/blocks/process_steps.html"
