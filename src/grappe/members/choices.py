"""The fixed lists of the members domain (INSEE bands, kinds, roles)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    COMPANY = "company", _("Company")
    LAB = "lab", _("Laboratory")
    SCHOOL = "school", _("School")
    PUBLIC_BODY = "public_body", _("Public body")
    PARTNER_CLUSTER = "partner_cluster", _("Partner cluster")
    INVESTOR = "investor", _("Investor")
    OTHER = "other", _("Other")


class HeadcountBand(models.TextChoices):
    """INSEE's tranche d'effectifs salariés (codes of the Sirene register)."""

    B00 = "00", _("0 employees")
    B01 = "01", _("1 or 2 employees")
    B02 = "02", _("3 to 5 employees")
    B03 = "03", _("6 to 9 employees")
    B11 = "11", _("10 to 19 employees")
    B12 = "12", _("20 to 49 employees")
    B21 = "21", _("50 to 99 employees")
    B22 = "22", _("100 to 199 employees")
    B31 = "31", _("200 to 249 employees")
    B32 = "32", _("250 to 499 employees")
    B41 = "41", _("500 to 999 employees")
    B42 = "42", _("1,000 to 1,999 employees")
    B51 = "51", _("2,000 to 4,999 employees")
    B52 = "52", _("5,000 to 9,999 employees")
    B53 = "53", _("10,000 employees or more")


class DuesCategory(models.TextChoices):
    TPE = "tpe", _("Micro-enterprise (TPE)")
    PME = "pme", _("SME (PME)")
    ETI = "eti", _("Mid-cap (ETI)")
    LARGE_GROUP = "large_group", _("Large group")
    ACADEMIC = "academic", _("Academic")


class ContactRole(models.TextChoices):
    EXECUTIVE = "executive", _("Executive")
    RD = "rd", _("R&D")
    SALES = "sales", _("Sales")
    QUALITY = "quality", _("Quality")
    OTHER = "other", _("Other")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACTIVE = "active", _("Active")
    LAPSED = "lapsed", _("Lapsed")
    RESIGNED = "resigned", _("Resigned")


class GoverningBody(models.TextChoices):
    STAFF = "staff", _("Staff")
    BOARD = "board", _("Board")


class GovernanceRole(models.TextChoices):
    PRESIDENT = "president", _("President")
    VICE_PRESIDENT = "vice_president", _("Vice-president")
    TREASURER = "treasurer", _("Treasurer")
    SECRETARY = "secretary", _("Secretary")
    BOARD_MEMBER = "board_member", _("Board member")
    DIRECTOR = "director", _("Director")
    EMPLOYEE = "employee", _("Employee")


class PartnershipType(models.TextChoices):
    HEALTH_NETWORK = "health_network", _("Health pôles network")
    CLUSTER = "cluster", _("Competitiveness cluster")
    ACADEMIC = "academic", _("Academic partner")
    INSTITUTIONAL = "institutional", _("Institutional partner")
    INTERNATIONAL = "international", _("International partner")
    OTHER = "other", _("Other")
