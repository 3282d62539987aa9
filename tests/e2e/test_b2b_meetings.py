"""B2B meetings in a real browser: a member asks another for a meeting, the other accepts,
the organiser schedules and publishes the agendas, and each member sees its agenda with the
time and the table and downloads it as .ics."""

from pathlib import Path

import pytest
from django.urls import reverse
from icalendar import Calendar
from playwright.sync_api import Page, expect

from grappe.events.models import Meeting
from tests.events.b2b_factories import b2b_event, participant, slots
from tests.factories import PASSWORD, StaffUserFactory

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _short_time_limit(settings):
    settings.B2B_SCHEDULER_TIME_LIMIT = 5


def test_request_accept_schedule_publish_and_agendas(page: Page, live_server, log_in):
    event = b2b_event(slug="micronora-2026", title_fr="MICRONORA 2026")
    organiser = StaffUserFactory(username="organisatrice")
    alice = participant(event, username="alice", organisation_name="Alpha Décolletage")
    bruno = participant(event, username="bruno", organisation_name="Bêta Médical")
    slots(event, staff=organiser, tables=3)
    site = live_server.url

    def go(name: str, *args) -> None:
        page.goto(site + reverse(f"events:{name}", args=[event.slug, *args]))

    # Alice finds Bruno in the catalogue from the event's page and asks for a meeting.
    log_in(alice.user.username, PASSWORD)
    page.goto(site + event.get_absolute_url())
    page.click("#b2b-block a[href$='/participants/']")
    page.click(f"[data-profile='{bruno.profile.pk}'] a")
    page.fill("#id_message", "Vos vis pour nos implants ?")
    page.select_option("#id_priority", "3")
    with page.expect_navigation():
        page.click("#request-form button[type=submit]")
    expect(page.locator("#requests [data-status=pending]")).to_have_count(0)  # received: none
    page.goto(page.url.split("?")[0] + "?vue=envoyees")
    expect(page.locator("#requests [data-status=pending]")).to_have_count(1)

    # Bruno accepts it; the row updates in place.
    log_in(bruno.user.username, PASSWORD)
    go("b2b_requests")
    row = page.locator("#requests li").first
    expect(row).to_contain_text("Vos vis pour nos implants ?")
    row.locator("[data-action=accept]").click()
    expect(page.locator("#requests [data-status=accepted]")).to_have_count(1)
    assert Meeting.objects.get().weight == 3

    # The organiser schedules, then publishes after confirming.
    log_in(organiser.username, PASSWORD)
    go("b2b_scheduling")
    with page.expect_navigation():
        page.click("#run-scheduling")
    expect(page.locator("#run-scheduled")).to_have_text("1")
    page.click("#publish")
    with page.expect_navigation():
        page.click("#confirm")
    meeting = Meeting.objects.select_related("slot").get()
    assert meeting.published_at is not None

    # Each member sees the meeting on its agenda and downloads it as .ics.
    for member, counterpart in ((alice, "Bêta Médical"), (bruno, "Alpha Décolletage")):
        log_in(member.user.username, PASSWORD)
        go("b2b_agenda")
        entry = page.locator(f"#agenda [data-meeting='{meeting.pk}']")
        expect(entry).to_contain_text(counterpart)
        expect(entry).to_contain_text(str(meeting.table))
        with page.expect_download() as download_info:
            page.click("#agenda-ics")
        download = download_info.value
        assert download.suggested_filename.endswith(".ics")
        calendar = Calendar.from_ical(Path(download.path()).read_bytes())
        (item,) = calendar.walk("VEVENT")
        assert counterpart in str(item["SUMMARY"])
        assert item.decoded("DTSTART") == meeting.slot.starts_at
