"""The columns of the organisation file: one format for import and export."""

from grappe.core.models import Facet

# In the order the export writes them; an import may give them in any order.
COLUMNS = (
    "siret",
    "name",
    "kind",
    "naf",
    "headcount_band",
    "address",
    "postcode",
    "city",
    "country",
    "website",
    "email",
    "phone",
    "description_fr",
    "description_en",
    "processes",
    "materials",
    "markets",
    "certifications",
    "clusters",
    "member_since",
)
REQUIRED_COLUMNS = ("name",)

# The columns that are fields of the organisation, and the field each one fills.
FIELD_OF_COLUMN = {
    "siret": "siret",
    "name": "name",
    "kind": "kind",
    "naf": "naf_code",
    "headcount_band": "headcount_band",
    "address": "address",
    "postcode": "postcode",
    "city": "city",
    "country": "country",
    "website": "website",
    "email": "email",
    "phone": "phone",
    "description_fr": "description_fr",
    "description_en": "description_en",
}
COLUMN_OF_FIELD = {field: column for column, field in FIELD_OF_COLUMN.items()}
COLUMN_OF_FIELD["siren"] = "siret"  # the SIREN is derived from the SIRET

# The columns of vocabulary terms, and the facet of each.
FACET_OF_COLUMN = {
    "processes": Facet.PROCESS,
    "materials": Facet.MATERIAL,
    "markets": Facet.MARKET,
    "certifications": Facet.CERTIFICATION,
}

SEPARATOR = "|"  # between the terms or clusters of one cell
