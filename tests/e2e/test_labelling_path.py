"""The labelling path in a real browser: a member drafts and submits an application with a
PDF, the staff assign two experts, the experts declare no conflict and review, the committee
labels it, and the member downloads the label letter."""

import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from grappe.core.models import Facet
from grappe.labelling.choices import Status
from grappe.labelling.models import Application, LabelLetter
from tests.factories import (
    PASSWORD,
    CriterionFactory,
    ExpertFactory,
    FundingCallFactory,
    OrganisationFactory,
    StaffUserFactory,
    TermFactory,
    UserFactory,
    member_contact,
)
from tests.labelling.letter_factories import president_in_office, require_pdf_rendering

pytestmark = pytest.mark.e2e


def tiny_pdf() -> bytes:
    """A valid one-page PDF, written by hand: objects, cross-reference table and trailer."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@pytest.fixture
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def confirm_move(page: Page, status: str) -> None:
    """Click the move's button on the application page, then confirm it."""
    page.click(f"[data-move={status}]")
    page.wait_for_url("**/statut/**")
    with page.expect_navigation():
        page.click("#confirm-move")
    expect(page.locator(f"#application-status [data-status={status}]")).to_be_visible()


@pytest.mark.usefixtures("_media")
def test_from_draft_to_label_letter(page: Page, live_server, log_in):
    require_pdf_rendering()
    lead = OrganisationFactory(name="Décolletage Comtois")
    partner = OrganisationFactory(name="FEMTO-ST")
    member = member_contact(organisation=lead, username="lead-contact")
    staff = StaffUserFactory(username="chargee", first_name="Claire", last_name="Morel")
    experts = [
        ExpertFactory(user=UserFactory(username=name)).user for name in ("expert-a", "expert-b")
    ]
    call = FundingCallFactory(name="PSPC-Régions 2026")
    market = TermFactory(code="sante", facet=Facet.MARKET, label_fr="Santé")
    process = TermFactory(code="decolletage", facet=Facet.PROCESS, label_fr="Décolletage")
    criteria = [CriterionFactory(code="innovation"), CriterionFactory(code="marche")]
    president_in_office()
    site = live_server.url

    # The member drafts the project with its consortium, attaches a PDF and submits.
    log_in(member.username, PASSWORD)
    page.goto(f"{site}/projets/nouveau/")
    page.fill("#id_acronym", "MICROVALVE")
    page.fill("#id_title", "Micro-valve implantable")
    page.fill("#id_summary_fr", "Une micro-valve en titane usinée au micron.")
    page.check(f"#group-markets input[value='{market.pk}']")
    page.check(f"#group-processes input[value='{process.pk}']")
    page.select_option("#id_call", str(call.pk))
    page.select_option("#id_trl_start", "3")
    page.select_option("#id_trl_target", "6")
    page.fill("#id_duration_months", "36")
    page.fill("#id_total_budget", "500000")
    expect(page.locator("#id_partners-0-organisation")).to_have_value(str(lead.pk))
    page.fill("#id_partners-0-budget", "300000")
    page.fill("#id_partners-0-requested_aid", "150000")
    page.click("#add-partner")
    page.locator("#id_partners-1-organisation").select_option(str(partner.pk))
    page.fill("#id_partners-1-budget", "200000")
    page.fill("#id_partners-1-requested_aid", "100000")
    page.locator("#id_partners-1-requested_aid").blur()
    expect(page.locator('#partner-totals [data-total="match"]')).to_be_visible()
    with page.expect_navigation():
        page.click("#save-project")
    application = Application.objects.get(project__acronym="MICROVALVE")
    assert page.url == f"{site}{application.get_absolute_url()}"

    page.fill("#document-form #id_title", "Dossier technique")
    page.set_input_files(
        "#id_file",
        files=[{"name": "dossier.pdf", "mimeType": "application/pdf", "buffer": tiny_pdf()}],
    )
    with page.expect_navigation():
        page.click("#upload-document")
    expect(page.locator("#documents [data-document]")).to_have_text("Dossier technique")
    confirm_move(page, "submitted")

    # The staff assign two experts and start the review.
    log_in(staff.username, PASSWORD)
    page.goto(f"{site}{application.get_absolute_url()}")
    page.click("#manage-experts")
    for expert in experts:
        with page.expect_navigation():
            page.click(f"[data-assign='{expert.username}']")
        expect(page.locator(f"#assigned [data-expert='{expert.username}']")).to_be_visible()
    page.goto(f"{site}{application.get_absolute_url()}")
    confirm_move(page, "under_review")

    # Each expert declares no conflict, then scores the grid.
    for expert, scores in zip(experts, (("5", "4"), ("3", "4")), strict=True):
        log_in(expert.username, PASSWORD)
        page.goto(f"{site}/expertises/")
        page.click("#my-reviews a:has-text('MICROVALVE')")
        expect(page.locator("main")).not_to_contain_text("Une micro-valve en titane")
        page.check("#id_no_conflict")
        with page.expect_navigation():
            page.click("#declare")
        expect(page.locator("main")).to_contain_text("Une micro-valve en titane")
        for criterion, score in zip(criteria, scores, strict=True):
            page.select_option(f"#id_score-{criterion.code}", score)
        page.fill("#id_comments", "Consortium solide.")
        with page.expect_navigation():
            page.click("#submit-review")

    # The staff send it to the committee, which meets today and labels it.
    log_in(staff.username, PASSWORD)
    page.goto(f"{site}{application.get_absolute_url()}")
    confirm_move(page, "committee")
    page.goto(f"{site}/comites/nouveau/")
    page.fill("#id_held_on", datetime.date.today().isoformat())
    page.fill("#id_title", "Comité de labellisation")
    page.check(f"#group-members input[value='{staff.pk}']")
    with page.expect_navigation():
        page.click("#create-meeting")
    page.select_option("#id_application", str(application.pk))
    with page.expect_navigation():
        page.click("#add-to-agenda")
    decision = page.locator(f"[data-decision-form='{application.pk}']")
    decision.locator("select").select_option(Status.LABELLED.value)
    with page.expect_navigation():
        decision.locator(f"[data-record='{application.pk}']").click()
    application.refresh_from_db()
    assert application.status == Status.LABELLED

    page.goto(f"{site}{application.get_absolute_url()}")
    with page.expect_navigation():
        page.click("#issue-letter")
    letter = LabelLetter.objects.get(application=application)

    # The member downloads the label letter.
    log_in(member.username, PASSWORD)
    page.goto(f"{site}{application.get_absolute_url()}")
    with page.expect_download() as download_info:
        page.click("#download-letter")
    download = download_info.value
    assert download.suggested_filename == f"{letter.number}.pdf"
    assert Path(download.path()).read_bytes()[:4] == b"%PDF"
