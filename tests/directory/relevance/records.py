"""The shape of one organisation of the relevance dataset."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Record:
    """An invented organisation of the pôle, as its staff and its own people describe it.

    `terms` are codes of the project's vocabulary (src/grappe/core/data/vocabulary.csv);
    `equipment` rows are (machine, quantity, working envelope); `tolerances` rows are
    (feature, ± µm as a string, process code or None); `clusters` are cluster slugs.
    """

    name: str
    siret: str
    postcode: str
    city: str
    headcount_band: str
    description_fr: str
    kind: str = "company"
    naf_code: str = ""
    description_en: str = ""
    profile_fr: str = ""
    profile_en: str = ""
    terms: tuple[str, ...] = ()
    equipment: tuple[tuple[str, int, str], ...] = ()
    tolerances: tuple[tuple[str, str, str | None], ...] = ()
    clusters: tuple[str, ...] = ()


@dataclass(frozen=True)
class Judged:
    """A buyer's query, what the buyer wants, and the grade of each organisation worth
    showing (by slug); an organisation not listed is graded 0."""

    text: str
    need: str
    grades: dict[str, int]
