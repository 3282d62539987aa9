"""Writes on core objects: API tokens and the vocabulary."""

import csv
import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from grappe.core.activity import changes_since, field_values, log_activity
from grappe.core.hooks import TERMS_CHANGED, announce
from grappe.core.models import ApiToken, Facet, Term, User

TOKEN_PREFIX = "grp_"
DEFAULT_VOCABULARY = Path(__file__).resolve().parent / "data" / "vocabulary.csv"


def token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    raw: str  # shown once to its owner, never stored


@transaction.atomic
def create_api_token(*, user: User, name: str) -> IssuedToken:
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name.")})
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100], prefix=raw[:12], digest=token_digest(raw)
    )
    log_activity(actor=user, action="core.api_token.created", target=token)
    return IssuedToken(token=token, raw=raw)


@transaction.atomic
def revoke_api_token(*, token: ApiToken, actor: User) -> ApiToken:
    if token.user_id != actor.pk and not actor.is_superuser:
        raise PermissionDenied(_("You can only revoke your own tokens."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        log_activity(actor=actor, action="core.api_token.revoked", target=token)
    return token


def user_for_token(raw: str) -> User | None:
    """The active user owning this token, or None. Marks the token as used."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Written at most once a minute so that reading the API does not write on every call.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def read_vocabulary_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


@transaction.atomic
def load_vocabulary(*, rows: Iterable[dict[str, str]], actor: User | None) -> dict[str, int]:
    """Create or update terms by code; a row with an unknown facet stops the whole load."""
    created = updated = 0
    updated_ids: list[int] = []
    for number, row in enumerate(rows, start=2):
        code = (row.get("code") or "").strip()
        facet = (row.get("facet") or "").strip()
        if not code or facet not in Facet.values:
            raise ValidationError(
                _("Row %(row)s: a code and a facet among %(facets)s are required.")
                % {"row": number, "facets": ", ".join(Facet.values)}
            )
        values = {
            "facet": facet,
            "label_fr": (row.get("label_fr") or code).strip(),
            "label_en": (row.get("label_en") or row.get("label_fr") or code).strip(),
            "synonyms_fr": _split(row.get("synonyms_fr")),
            "synonyms_en": _split(row.get("synonyms_en")),
        }
        term = Term.objects.filter(code=code).first()
        if term is None:
            Term.objects.create(code=code, **values)
            created += 1
        else:
            before = field_values(term, values)
            for name, value in values.items():
                setattr(term, name, value)
            if changes := changes_since(before, term):
                term.save(update_fields=list(changes))
                updated += 1
                updated_ids.append(term.pk)
    summary = {"created": created, "updated": updated}
    log_activity(actor=actor, action="core.vocabulary.loaded", data=summary)
    announce(TERMS_CHANGED, updated_ids)
    return summary


@transaction.atomic
def create_user(
    *,
    actor: User | None,
    username: str,
    password: str,
    email: str = "",
    is_staff: bool = False,
    is_superuser: bool = False,
) -> User:
    """A new login; the password must pass the project's password validators."""
    user = User(username=username.strip(), email=email.strip().lower(), is_staff=is_staff)
    user.is_superuser = is_superuser
    user.full_clean(exclude=["password"])
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    user.set_password(password)
    user.save()
    log_activity(
        actor=actor,
        action="core.user.created",
        target=user,
        data={"is_staff": is_staff, "is_superuser": is_superuser},
    )
    return user


@transaction.atomic
def set_user_password(*, actor: User | None, user: User, password: str) -> User:
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    user.set_password(password)
    user.save(update_fields=["password"])
    log_activity(actor=actor, action="core.user.password_set", target=user)
    return user


TERM_FIELDS = frozenset({"facet", "label_fr", "label_en", "synonyms_fr", "synonyms_en"})


def _clean_synonyms(values: Iterable[str]) -> list[str]:
    """Trimmed, without blanks or repeats (case-insensitive), in the order given."""
    seen, cleaned = set(), []
    for value in values:
        value = " ".join(str(value).split())
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            cleaned.append(value)
    return cleaned


@transaction.atomic
def create_term(
    *,
    actor: User | None,
    code: str,
    facet: str,
    label_fr: str,
    label_en: str = "",
    synonyms_fr: Iterable[str] = (),
    synonyms_en: Iterable[str] = (),
) -> Term:
    """A new vocabulary term; its code is stable once created."""
    term = Term(
        code=code.strip(),
        facet=facet,
        label_fr=label_fr.strip(),
        label_en=(label_en or label_fr).strip(),
        synonyms_fr=_clean_synonyms(synonyms_fr),
        synonyms_en=_clean_synonyms(synonyms_en),
    )
    term.full_clean()
    term.save()
    log_activity(actor=actor, action="core.term.created", target=term)
    return term


@transaction.atomic
def update_term(*, actor: User | None, term: Term, data: dict) -> Term:
    """Change a term's labels, synonyms or facet; the organisations using it are reindexed."""
    unknown = sorted(set(data) - TERM_FIELDS)
    if unknown:
        raise ValidationError({name: _("This field cannot be changed here.") for name in unknown})
    data = dict(data)
    for key in ("synonyms_fr", "synonyms_en"):
        if key in data:
            data[key] = _clean_synonyms(data[key])
    before = field_values(term, data)
    for name, value in data.items():
        setattr(term, name, value)
    term.full_clean()
    if changes := changes_since(before, term):
        term.save(update_fields=list(changes))
        log_activity(
            actor=actor, action="core.term.updated", target=term, data={"changes": changes}
        )
        announce(TERMS_CHANGED, [term.pk])
    return term
