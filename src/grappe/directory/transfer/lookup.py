"""Finding vocabulary terms, clusters and choices from what people type in a cell:
a code, a label or a synonym, in French or English, whatever the case and the accents."""

import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _

from grappe.core.models import Facet, Term
from grappe.members.models import Cluster

CODE, LABEL, SYNONYM = 0, 1, 2  # how a term was named, the most exact first


class NotFound(Exception):
    """Nothing (or more than one thing) answers to the name; the message says which."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def match_key(text: str) -> str:
    """`text` lower-cased without accents, spaces or punctuation: “EN 9100” = “en9100”."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if char.isalnum())


class TermIndex:
    """The vocabulary by every name of every term."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self._found: dict[tuple[str, str], Term | str] = {}  # a file repeats its terms
        self._names: dict[str, list[tuple[int, Term]]] = defaultdict(list)
        for term in terms:
            names = [(CODE, term.code), (LABEL, term.label_fr), (LABEL, term.label_en)]
            names += [(SYNONYM, name) for name in [*term.synonyms_fr, *term.synonyms_en]]
            for rank, name in names:
                key = match_key(name)
                if key and (rank, term) not in self._names[key]:
                    self._names[key].append((rank, term))

    def find(self, name: str, facet: str) -> Term:
        """The term of `facet` called `name`; a code beats a label, a label a synonym."""
        key = (name, facet)
        if key not in self._found:
            try:
                self._found[key] = self._find(name, facet)
            except NotFound as error:
                self._found[key] = error.message
        found = self._found[key]
        if isinstance(found, str):
            raise NotFound(found)
        return found

    def _find(self, name: str, facet: str) -> Term:
        named = self._names.get(match_key(name), [])
        in_facet = [(rank, term) for rank, term in named if term.facet == facet]
        if not in_facet:
            if named:
                other = Facet(named[0][1].facet).label
                raise NotFound(
                    _("“%(name)s” is a %(other)s, not a %(facet)s.")
                    % {"name": name, "other": str(other).lower(), "facet": _facet_name(facet)}
                )
            raise NotFound(
                _("“%(name)s” is not in the vocabulary of %(facet)s terms.")
                % {"name": name, "facet": _facet_name(facet)}
            )
        best = min(rank for rank, _term in in_facet)
        terms = sorted({term.code: term for rank, term in in_facet if rank == best}.items())
        if len(terms) > 1:
            raise NotFound(
                _("“%(name)s” may mean %(codes)s: write the code of the one you mean.")
                % {"name": name, "codes": ", ".join(code for code, _term in terms)}
            )
        return terms[0][1]


def _facet_name(facet: str) -> str:
    return str(Facet(facet).label).lower()


class ClusterIndex:
    """The clusters by slug and by name."""

    def __init__(self, clusters: Iterable[Cluster]) -> None:
        self._names: dict[str, Cluster] = {}
        clusters = list(clusters)
        for cluster in clusters:
            self._names.setdefault(match_key(cluster.name), cluster)
        for cluster in clusters:  # a slug beats a name
            self._names[match_key(cluster.slug)] = cluster

    def find(self, name: str) -> Cluster:
        cluster = self._names.get(match_key(name))
        if cluster is None:
            raise NotFound(_("There is no cluster “%(name)s”.") % {"name": name})
        return cluster


def choice_index(choices: type[models.TextChoices]) -> dict[str, str]:
    """Each value of `choices` by its code and its labels in French and English."""
    index = {}
    for language in ("en", "fr"):
        with translation.override(language):
            for value, label in choices.choices:
                index.setdefault(match_key(str(label)), value)
    for value in choices.values:
        index[match_key(value)] = value
    return index
