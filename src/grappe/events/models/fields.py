"""A column of folded text for searching rows by words, whatever their accents and case."""

from collections.abc import Iterable
from typing import Any

from django.db import models

from grappe.directory.search.analysis import fold


class FoldedTextField(models.TextField):
    """The row's `sources` fields folded by the directory's analyser (lower case, no accents:
    "Léa FAIVRE" → "lea faivre"), one per line, so that a `contains` lookup of a folded word
    finds the row on every database: SQLite's LIKE folds the case of ASCII letters only, and
    neither database ignores accents.

    Written whenever the row is saved or bulk-created, as `auto_now` is: a save with
    `update_fields` that names a source must name this field too. Never edited by hand.
    """

    def __init__(self, *args: Any, sources: Iterable[str] = (), **kwargs: Any) -> None:
        self.sources = tuple(sources)
        kwargs["editable"] = False
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> tuple[str, str, list, dict]:
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("editable", None)
        kwargs["sources"] = list(self.sources)
        return name, path, args, kwargs

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        value = "\n".join(
            fold(str(getattr(model_instance, source) or "")) for source in self.sources
        )
        setattr(model_instance, self.attname, value)
        return value


def folded_words(text: str, *, most: int) -> list[str]:
    """The first `most` words of what someone typed, folded as FoldedTextField folds."""
    words = (fold(word).strip() for word in text.split()[:most])
    return [word for word in words if word]
