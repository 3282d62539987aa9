"""The contacts of the demo organisations, planned from a fixed seed."""

import random
from dataclasses import dataclass, field
from typing import Any

from grappe.demo.names import (
    FIRST_NAMES_F,
    FIRST_NAMES_M,
    SURNAMES,
    domain_of,
    landline,
    mobile,
    plain,
    rng,
)
from grappe.demo.organisations import OrganisationPlan
from grappe.members.choices import ContactRole, DuesCategory, OrganisationKind

# The member contact who gets the `membre` login: the head of the first organisation.
MEMBER_CONTACT = ("Claire", "Vuillemin", "decolletage-vuillemin")

# How many contacts an organisation has, by dues category: (fewest, most).
CONTACT_COUNTS = {
    DuesCategory.TPE: (1, 2),
    DuesCategory.PME: (1, 3),
    DuesCategory.ETI: (2, 4),
    DuesCategory.LARGE_GROUP: (3, 4),
    DuesCategory.ACADEMIC: (2, 3),
}
# The roles of the other contacts, drawn in this order of likelihood.
OTHER_ROLES = {
    OrganisationKind.COMPANY: (
        ContactRole.RD, ContactRole.SALES, ContactRole.QUALITY, ContactRole.OTHER
    ),
    OrganisationKind.LAB: (ContactRole.RD, ContactRole.SALES, ContactRole.OTHER),
    OrganisationKind.SCHOOL: (ContactRole.SALES, ContactRole.RD, ContactRole.OTHER),
}  # fmt: skip
# (masculine, feminine) job titles by kind of organisation and role
TITLES = {
    (OrganisationKind.COMPANY, ContactRole.EXECUTIVE): (
        ("Président-directeur général", "Présidente-directrice générale"),
        ("Directeur général", "Directrice générale"),
        ("Gérant", "Gérante"),
    ),
    (OrganisationKind.COMPANY, ContactRole.RD): (
        ("Responsable R&D", "Responsable R&D"),
        ("Ingénieur R&D", "Ingénieure R&D"),
        ("Responsable du bureau d'études", "Responsable du bureau d'études"),
        ("Chef de projet innovation", "Cheffe de projet innovation"),
    ),
    (OrganisationKind.COMPANY, ContactRole.SALES): (
        ("Directeur commercial", "Directrice commerciale"),
        ("Responsable commercial export", "Responsable commerciale export"),
        ("Chargé d'affaires", "Chargée d'affaires"),
    ),
    (OrganisationKind.COMPANY, ContactRole.QUALITY): (
        ("Responsable qualité", "Responsable qualité"),
        ("Responsable qualité et affaires réglementaires",) * 2,
        ("Ingénieur qualité", "Ingénieure qualité"),
    ),
    (OrganisationKind.COMPANY, ContactRole.OTHER): (
        ("Responsable achats", "Responsable achats"),
        ("Directeur administratif et financier", "Directrice administrative et financière"),
        ("Responsable de production", "Responsable de production"),
    ),
    (OrganisationKind.LAB, ContactRole.EXECUTIVE): (
        ("Directeur du laboratoire", "Directrice du laboratoire"),
    ),
    (OrganisationKind.LAB, ContactRole.RD): (
        ("Enseignant-chercheur", "Enseignante-chercheuse"),
        ("Ingénieur de recherche", "Ingénieure de recherche"),
    ),
    (OrganisationKind.LAB, ContactRole.SALES): (
        ("Chargé de valorisation", "Chargée de valorisation"),
    ),
    (OrganisationKind.LAB, ContactRole.OTHER): (
        ("Responsable administratif", "Responsable administrative"),
    ),
    (OrganisationKind.SCHOOL, ContactRole.EXECUTIVE): (("Directeur", "Directrice"),),
    (OrganisationKind.SCHOOL, ContactRole.SALES): (
        ("Responsable des relations entreprises", "Responsable des relations entreprises"),
    ),
    (OrganisationKind.SCHOOL, ContactRole.RD): (
        ("Directeur de la recherche", "Directrice de la recherche"),
    ),
    (OrganisationKind.SCHOOL, ContactRole.OTHER): (
        ("Chargé de communication", "Chargée de communication"),
    ),
}  # fmt: skip


@dataclass(frozen=True)
class PersonPlan:
    first_name: str
    last_name: str
    email: str
    phone: str
    job_title: str
    directory_consent: bool
    newsletter_opt_in: bool
    organisation: str  # the slug of the organisation
    role: str

    def data(self) -> dict[str, Any]:
        """The fields as the person services take them."""
        return {
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": self.email,
            "phone": self.phone,
            "job_title": self.job_title,
            "directory_consent": self.directory_consent,
            "newsletter_opt_in": self.newsletter_opt_in,
        }


@dataclass
class PeoplePlanner:
    random_: random.Random = field(default_factory=lambda: rng("people"))
    emails: set[str] = field(default_factory=set)

    def email(self, first_name: str, last_name: str, domain: str) -> str:
        local = f"{plain(first_name)}.{plain(last_name)}"
        email, counter = f"{local}@{domain}", 2
        while email in self.emails:
            email, counter = f"{local}{counter}@{domain}", counter + 1
        self.emails.add(email)
        return email

    def phone(self, departement: str) -> str:
        draw = self.random_.random()
        if draw < 0.6:
            return landline(self.random_, departement)
        return mobile(self.random_) if draw < 0.9 else ""

    def person(
        self,
        *,
        organisation: str,
        domain: str,
        departement: str,
        kind: str,
        role: str,
        name: tuple[str, str] | None = None,
        feminine: bool | None = None,
    ) -> PersonPlan:
        if feminine is None:
            feminine = self.random_.random() < 0.4
        if name is None:
            pool = FIRST_NAMES_F if feminine else FIRST_NAMES_M
            name = (self.random_.choice(pool), self.random_.choice(SURNAMES))
        kind = kind if (kind, role) in TITLES else OrganisationKind.COMPANY
        title = self.random_.choice(TITLES[(kind, role)])[1 if feminine else 0]
        return PersonPlan(
            first_name=name[0],
            last_name=name[1],
            email=self.email(*name, domain),
            phone=self.phone(departement),
            job_title=title,
            directory_consent=self.random_.random() < 0.7,
            newsletter_opt_in=self.random_.random() < 0.5,
            organisation=organisation,
            role=role,
        )


def plan_people(organisations: list[OrganisationPlan]) -> list[PersonPlan]:
    """The contacts of every member and former member; the head of each comes first."""
    planner = PeoplePlanner()
    people = []
    for organisation in organisations:
        if organisation.joined is None:
            continue
        low, high = CONTACT_COUNTS[organisation.dues_category]
        count = planner.random_.randint(low, high) if organisation.is_member else 1
        if organisation.slug == MEMBER_CONTACT[2]:
            count = 3  # the member login sees colleagues it may edit
        others = OTHER_ROLES[organisation.kind]
        roles = [ContactRole.EXECUTIVE, *planner.random_.sample(others, min(count - 1, 3))]
        for index, role in enumerate(roles):
            special = index == 0 and organisation.slug == MEMBER_CONTACT[2]
            people.append(
                planner.person(
                    organisation=organisation.slug,
                    domain=domain_of(organisation.slug),
                    departement=organisation.town.departement,
                    kind=organisation.kind,
                    role=role,
                    name=MEMBER_CONTACT[:2] if special else None,
                    feminine=True if special else None,
                )
            )
    return people
