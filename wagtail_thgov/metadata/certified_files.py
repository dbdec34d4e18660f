"""The record of which file versions a certification covered: name, size and SHA-256 of each file.

When the certifying approver approves a revision, every document and image the revision carries is
read from storage and its facts are written down once. The facts are derived from the stored bytes at
that moment, never typed, so an auditor can later hash the file a citizen downloads and compare.
A record outlives the file: it keeps the name and checksum even if a superuser later deletes the file.
"""

import hashlib
import os
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .files import format_file_size, referenced_file_ids

CHUNK = 1024 * 1024


class CertifiedFile(models.Model):
    """One file as one certification covered it (ไฟล์ที่ได้รับการรับรอง)."""

    task_state = models.ForeignKey(
        "wagtailcore.TaskState",
        verbose_name=_("certification"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("file type"), on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.CharField(_("file id"), max_length=255)
    title = models.CharField(_("title"), max_length=255)
    file_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True)
    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("certified file")
        verbose_name_plural = _("certified files")
        ordering = ["task_state_id", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="thgov_certified_file_obj")]

    def __str__(self):
        return self.label

    @property
    def size_label(self) -> str:
        return format_file_size(self.size)

    @property
    def label(self) -> str:
        """``budget-2569.xlsx · 12 KB · SHA-256 3f2a…``, or a note that the file was missing."""
        if not self.sha256:
            return f"{self.file_name} · {_('file missing when certified')}"
        return f"{self.file_name} · {self.size_label} · SHA-256 {self.sha256}"


@dataclass(frozen=True)
class StoredFacts:
    """What the stored bytes of one file are: how many and their SHA-256 (``None``/"" when missing)."""

    size: int | None
    sha256: str


def stored_facts(field_file) -> StoredFacts:
    """Size and SHA-256 of the stored file, read in chunks (a budget workbook can be large)."""
    digest = hashlib.sha256()
    size = 0
    try:
        with field_file.storage.open(field_file.name, "rb") as stored:
            for chunk in iter(lambda: stored.read(CHUNK), b""):
                digest.update(chunk)
                size += len(chunk)
    except (FileNotFoundError, OSError, ValueError):
        return StoredFacts(None, "")
    return StoredFacts(size, digest.hexdigest())


def record_certified_files(task_state) -> list[CertifiedFile]:
    """Write down every file of the revision ``task_state`` certified (idempotent per task state)."""
    if not task_state.revision_id or CertifiedFile.objects.filter(task_state=task_state).exists():
        return []
    content = task_state.revision.as_object()
    records = []
    for model, ids in referenced_file_ids(content).items():
        content_type = ContentType.objects.get_for_model(model)
        files = model.objects.in_bulk([int(pk) for pk in ids])
        for pk in ids:
            obj = files.get(int(pk))
            if obj is None:
                continue
            facts = stored_facts(obj.file)
            records.append(
                CertifiedFile(
                    task_state=task_state,
                    content_type=content_type,
                    object_id=str(obj.pk),
                    title=obj.title[:255],
                    file_name=os.path.basename(obj.file.name)[:255],
                    size=facts.size,
                    sha256=facts.sha256,
                )
            )
    return CertifiedFile.objects.bulk_create(records)


def stored_file_matches(record) -> bool | None:
    """Whether the file ``record`` names still holds the certified bytes (``None``: the file is gone).

    Reads the whole stored file; meant for an audit run (``thgov_inventory --verify``), not for a page view.
    """
    obj = record.content_type.model_class().objects.filter(pk=record.object_id).first()
    if obj is None:
        return None
    facts = stored_facts(obj.file)
    return bool(record.sha256) and facts.sha256 == record.sha256


def certified_files_by_task_state(task_state_ids) -> dict[int, list[CertifiedFile]]:
    """Records keyed by task state id, in one query."""
    result = defaultdict(list)
    for record in CertifiedFile.objects.filter(task_state_id__in=[pk for pk in task_state_ids if pk]):
        result[record.task_state_id].append(record)
    return result


def certified_files_by_revision(revision_ids) -> dict[int, list[CertifiedFile]]:
    """Records of the latest certification of each revision (a live page's ``live_revision``), one query."""
    latest = {}
    for record in (
        CertifiedFile.objects.filter(task_state__revision_id__in=[pk for pk in revision_ids if pk])
        .select_related("task_state")
        .order_by("task_state__finished_at", "task_state_id", "pk")
    ):
        revision_id = record.task_state.revision_id
        if latest.get(revision_id, (None,))[0] != record.task_state_id:
            latest[revision_id] = (record.task_state_id, [])
        latest[revision_id][1].append(record)
    return {revision_id: records for revision_id, (_state, records) in latest.items()}


def was_certified(obj) -> bool:
    """Whether any certification covered ``obj`` (a document or image)."""
    return CertifiedFile.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
    ).exists()
