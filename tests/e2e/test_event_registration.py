"""A member registers for an event in one click and downloads the ticket; at the door, the
staff find them by name on a phone and check them in."""

import pytest
from playwright.sync_api import Browser, Page, expect

from grappe.events.choices import RegistrationStatus
from grappe.events.models import Registration
from tests.events.factories import EventFactory
from tests.factories import PASSWORD, StaffUserFactory, member_contact
from tests.labelling.letter_factories import require_pdf_rendering

pytestmark = pytest.mark.e2e

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def log_in_on(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/connexion/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.press("#id_password", "Enter")
    assert "/connexion/" not in page.url, "the login was refused"


def test_a_member_registers_downloads_the_ticket_and_is_checked_in_on_a_phone(
    page: Page, browser: Browser, live_server, log_in
):
    require_pdf_rendering()
    event = EventFactory(
        slug="journee-bio-innovation",
        title_fr="Journée BIO Innovation",
        title_en="BIO Innovation day",
        capacity=40,
    )
    member = member_contact(username="lea-faivre")
    person = member.person
    person.first_name, person.last_name = "Léa", "Faivre"
    person.save(update_fields=["first_name", "last_name"])
    StaffUserFactory(username="accueil")

    # The member registers in one click from the calendar.
    log_in(member.username, PASSWORD)
    page.goto(f"{live_server.url}/evenements/")
    page.get_by_role("link", name="Journée BIO Innovation").click()
    page.wait_for_url(f"{live_server.url}/evenements/{event.slug}/")
    page.locator("#registration [data-action=register]").click()
    expect(page.locator("#registration [data-status=confirmed]")).to_be_visible()
    registration = Registration.objects.get(event=event)
    assert registration.status == RegistrationStatus.CONFIRMED

    # …and downloads the ticket from "my registrations".
    page.goto(f"{live_server.url}/evenements/mes-inscriptions/")
    row = page.locator(f"[data-registration='{registration.pk}']")
    with page.expect_download() as download:
        row.locator("a[href$='billet.pdf']").click()
    path = download.value.path()
    with open(path, "rb") as ticket:
        assert ticket.read(5) == b"%PDF-"

    # At the door, a member of staff checks her in from a phone.
    phone = browser.new_context(locale="fr-FR", **PHONE)
    try:
        door = phone.new_page()
        log_in_on(door, live_server.url, "accueil")
        door.goto(f"{live_server.url}/evenements/{event.slug}/pointage/")
        assert door.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll
        door.locator("#checkin-search").press_sequentially("faiv", delay=50)
        result = door.locator(f"#checkin-{registration.pk}")
        expect(result).to_contain_text("Léa Faivre")
        result.locator("[data-action=check-in]").tap()
        expect(door.locator(f"#checkin-{registration.pk}.list-group-item-success")).to_be_visible()
        registration.refresh_from_db()
        assert registration.checked_in_at is not None

        # Scanning the ticket's QR code again shows she is already in.
        door.goto(f"{live_server.url}/evenements/pointage/{registration.token}/")
        expect(door.locator(".alert[data-checked-in]")).to_be_visible()
        expect(door.locator("[data-action=check-in]")).to_have_count(0)
    finally:
        phone.close()
