import re
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from grappe.core.action_labels import registered_actions
from grappe.core.activity import log_activity
from grappe.core.models import ActivityLog, Term
from grappe.core.services import (
    DEFAULT_VOCABULARY,
    create_api_token,
    load_vocabulary,
    read_vocabulary_csv,
    revoke_api_token,
    user_for_token,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_token_is_stored_as_a_digest_and_authenticates():
    user = UserFactory()
    issued = create_api_token(user=user, name="ERP")
    assert issued.raw.startswith("grp_")
    assert issued.raw not in issued.token.digest
    assert user_for_token(issued.raw) == user
    assert user_for_token(issued.raw + "x") is None


def test_revoked_token_no_longer_authenticates():
    user = UserFactory()
    issued = create_api_token(user=user, name="ERP")
    revoke_api_token(token=issued.token, actor=user)
    assert user_for_token(issued.raw) is None
    assert ActivityLog.objects.filter(action="core.api_token.revoked").count() == 1


def test_someone_else_cannot_revoke_a_token():
    issued = create_api_token(user=UserFactory(), name="ERP")
    with pytest.raises(PermissionDenied):
        revoke_api_token(token=issued.token, actor=UserFactory())


def test_token_needs_a_name():
    with pytest.raises(ValidationError):
        create_api_token(user=UserFactory(), name="  ")


def test_project_vocabulary_loads_every_code_idempotently():
    rows = read_vocabulary_csv(DEFAULT_VOCABULARY)
    assert load_vocabulary(rows=rows, actor=None) == {"created": len(rows), "updated": 0}
    assert load_vocabulary(rows=rows, actor=None) == {"created": 0, "updated": 0}
    term = Term.objects.get(code="decolletage")
    assert term.facet == "process"
    assert "swiss turning" in term.synonyms_en
    assert set(Term.objects.values_list("facet", flat=True)) == {
        "process",
        "material",
        "market",
        "certification",
    }


def test_vocabulary_row_with_unknown_facet_stops_the_load():
    rows = [
        {"code": "ok", "facet": "process", "label_fr": "OK", "label_en": "OK"},
        {"code": "bad", "facet": "colour", "label_fr": "Bad", "label_en": "Bad"},
    ]
    with pytest.raises(ValidationError, match="Row 3"):
        load_vocabulary(rows=rows, actor=None)
    assert not Term.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_activity_log_refuses_to_write_outside_a_transaction():
    with pytest.raises(RuntimeError):
        log_activity(actor=None, action="x")


def test_activity_of_the_system_renders_without_an_actor():
    with transaction.atomic():
        log_activity(actor=None, action="members.demo.loaded")
    html = render_to_string("core/_activity.html", {"entries": ActivityLog.objects.all()})
    assert "members.demo.loaded" in html  # an unregistered action shows its code


def test_every_logged_action_has_a_readable_label():
    source = Path(__file__).resolve().parents[2] / "src" / "grappe"
    used = set()
    for path in source.rglob("*.py"):
        used |= set(re.findall(r'action="([a-z_]+\.[a-z_.]+)"', path.read_text(encoding="utf-8")))
    assert used, "no action found: the pattern no longer matches the services"
    assert used <= registered_actions(), used - registered_actions()


def test_activity_shows_the_label_in_french():
    with transaction.atomic():
        log_activity(actor=None, action="members.organisation.updated")
    with translation.override("fr"):
        assert ActivityLog.objects.get().label == "organisation modifiée"
    with translation.override("en"):
        assert ActivityLog.objects.get().label == "organisation updated"


def test_activity_details_say_what_changed():
    entry = ActivityLog(
        action="x",
        data={
            "changes": {"city": ["Besançon", "Morteau"], "description_fr": ["", "a" * 200]},
            "added": ["titane"],
            "removed": ["laiton"],
            "equipment": "2 × tour",
            "empty": "",
        },
    )
    details = entry.details
    assert details[0] == "city: Besançon → Morteau"
    assert details[1].startswith("description_fr: — → aaaa")
    assert details[1].endswith("…")
    assert details[2:] == ["+titane", "−laiton", "equipment: 2 × tour"]
