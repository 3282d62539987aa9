"""What the members endpoints read and return.

Input strings are `Text`: a NUL character, which PostgreSQL cannot store, is a 422 and not
a server error. Organisations come in two shapes told apart by their `view` field: the
public fields for everyone, and every field (`view: "full"`) for the users allowed to see
an organisation's details (permission `members.view_organisation_details`).
"""

import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.utils import timezone
from ninja import Field, Schema
from pydantic import (
    AfterValidator,
    ConfigDict,
    Discriminator,
    RootModel,
    StringConstraints,
    Tag,
)

from grappe.members.choices import (
    ContactRole,
    DuesCategory,
    HeadcountBand,
    MembershipStatus,
    OrganisationKind,
)
from grappe.members.models import FIRST_YEAR
from grappe.members.queries import cluster_organisations


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("Text cannot contain NUL characters.")
    return value


Text = Annotated[str, StringConstraints(max_length=5000), AfterValidator(_no_nul)]
Slug = Annotated[str, StringConstraints(max_length=220), AfterValidator(_no_nul)]
Year = Annotated[int, Field(ge=FIRST_YEAR, le=2100)]
# An INSEE headcount band code, or "" when unknown.
Band = Literal[("", *HeadcountBand.values)]


class Input(Schema):
    """A request body: a field the endpoint does not know is an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


# Organisations ------------------------------------------------------------------------


class ClusterRef(Schema):
    slug: str
    name: str


class OrganisationRef(Schema):
    slug: str
    name: str


class OrganisationPublic(Schema):
    view: Literal["public"] = "public"
    slug: str
    name: str
    kind: OrganisationKind
    siren: str
    siret: str
    city: str
    departement: str
    region: str
    country: str
    website: str
    email: str
    phone: str
    description_fr: str
    description_en: str
    clusters: list[ClusterRef]


class OrganisationFull(OrganisationPublic):
    view: Literal["full"] = "full"
    address: str
    postcode: str
    naf_code: str
    headcount_band: Band
    dues_category: DuesCategory
    created_at: datetime.datetime
    updated_at: datetime.datetime


def _view_of(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("view")
    return getattr(value, "view", None)


class OrganisationOut(
    RootModel[
        Annotated[
            Annotated[OrganisationPublic, Tag("public")] | Annotated[OrganisationFull, Tag("full")],
            Discriminator(_view_of),
        ]
    ]
):
    """An organisation: its public fields, or all of them when `view` is "full"."""


class OrganisationFilters(Schema):
    q: Text = Field("", description="Part of the name or the city.")
    kind: OrganisationKind | None = None
    cluster: Slug = Field("", description="A cluster's slug.")
    departement: Annotated[Text, StringConstraints(max_length=3)] = ""
    members_only: bool = Field(False, description="Only organisations that are members this year.")


class OrganisationIn(Input):
    name: Text
    kind: OrganisationKind = OrganisationKind.COMPANY
    siren: Text = ""
    siret: Text = ""
    naf_code: Text = ""
    headcount_band: Band = ""
    address: Text = ""
    postcode: Text = ""
    city: Text = ""
    country: Text = "FR"
    website: Text = ""
    email: Text = ""
    phone: Text = ""
    description_fr: Text = ""
    description_en: Text = ""
    dues_category: DuesCategory = DuesCategory.PME


class OrganisationPatch(Input):
    """Only the fields sent change. Member contacts may not send kind, SIREN, SIRET, dues."""

    name: Text = None
    kind: OrganisationKind = None
    siren: Text = None
    siret: Text = None
    naf_code: Text = None
    headcount_band: Band = None
    address: Text = None
    postcode: Text = None
    city: Text = None
    country: Text = None
    website: Text = None
    email: Text = None
    phone: Text = None
    description_fr: Text = None
    description_en: Text = None
    dues_category: DuesCategory = None


# People -------------------------------------------------------------------------------


class AffiliationOut(Schema):
    organisation: OrganisationRef
    role: ContactRole
    is_main_contact: bool


class PersonOut(Schema):
    id: int
    first_name: str
    last_name: str
    email: str
    phone: str
    job_title: str
    directory_consent: bool
    organisations: list[AffiliationOut]

    @staticmethod
    def resolve_organisations(person: Any) -> Any:
        return person.affiliations.all()


class PersonFilters(Schema):
    organisation: Slug = Field("", description="Only the people of this organisation (slug).")


class PersonIn(Input):
    first_name: Text
    last_name: Text
    email: Text = ""
    phone: Text = ""
    job_title: Text = ""
    directory_consent: bool = False
    newsletter_opt_in: bool = False
    role: ContactRole = ContactRole.OTHER


class PersonPatch(Input):
    """Only the fields sent change."""

    first_name: Text = None
    last_name: Text = None
    email: Text = None
    phone: Text = None
    job_title: Text = None
    directory_consent: bool = None
    newsletter_opt_in: bool = None


# Memberships --------------------------------------------------------------------------


class MembershipOut(Schema):
    id: int
    organisation: OrganisationRef
    year: int
    fee: Decimal
    status: MembershipStatus
    invoiced_on: datetime.date | None
    paid_on: datetime.date | None


class MembershipFilters(Schema):
    year: Year | None = None
    status: MembershipStatus | None = None
    organisation: Slug = Field("", description="Only this organisation's memberships (slug).")


class MembershipIn(Input):
    organisation: Slug = Field(description="The organisation's slug.")
    year: Year
    fee: Decimal | None = Field(None, description="Leave out to apply the fee schedule.")


class MembershipStatusIn(Input):
    status: MembershipStatus
    reason: Text = ""


class InvoiceIn(Input):
    invoiced_on: datetime.date = Field(default_factory=timezone.localdate)


class PaymentIn(Input):
    paid_on: datetime.date = Field(default_factory=timezone.localdate)


class RenewIn(Input):
    year: Year = Field(description="The year whose active members are renewed for the next.")


class RenewOut(Schema):
    year: int
    created: int


# Clusters -----------------------------------------------------------------------------


class OrganisationSummary(Schema):
    slug: str
    name: str
    kind: OrganisationKind
    city: str


class ClusterOut(Schema):
    slug: str
    name: str
    description_fr: str
    description_en: str
    animator: str | None
    organisation_count: int

    @staticmethod
    def resolve_animator(cluster: Any) -> str | None:
        return cluster.animator.full_name if cluster.animator else None


class ClusterDetail(ClusterOut):
    organisations: list[OrganisationSummary]

    @staticmethod
    def resolve_organisations(cluster: Any) -> Any:
        return cluster_organisations(cluster)
