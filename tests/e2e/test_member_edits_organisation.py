"""A member contact edits its organisation in a real browser; the site works offline."""

import datetime

import pytest
from playwright.sync_api import expect

from grappe.members.choices import GoverningBody, MembershipStatus
from tests.factories import (
    PASSWORD,
    ClusterFactory,
    MembershipFactory,
    OrganisationFactory,
    PositionFactory,
    member_contact,
)

pytestmark = pytest.mark.e2e


def test_member_edits_the_description_of_its_organisation(page, live_server, log_in):
    organisation = OrganisationFactory(
        name="Décolletage Comtois", description_fr="Ancienne description."
    )
    user = member_contact(organisation=organisation, username="contact-comtois")
    new_text = "Décolletage suisse de pièces de 0,5 à 32 mm, salle blanche ISO 7."

    log_in(user.username, PASSWORD)
    page.goto(f"{live_server.url}/organisations/{organisation.slug}/modifier/")
    description = page.locator("#id_description_fr")
    expect(description).to_have_value("Ancienne description.")
    description.fill(new_text)
    page.locator("form:has(#id_description_fr) [type=submit]").first.click()

    page.wait_for_url(f"{live_server.url}/organisations/{organisation.slug}/")
    expect(page.locator("main")).to_contain_text(new_text)
    expect(page.locator("main")).not_to_contain_text("Ancienne description.")
    organisation.refresh_from_db()
    assert organisation.description_fr == new_text


def test_home_page_shows_key_figures_without_any_external_request(page, live_server):
    for organisation in OrganisationFactory.create_batch(7):
        MembershipFactory(organisation=organisation)
    OrganisationFactory()  # no membership: not a member
    MembershipFactory(status=MembershipStatus.PENDING)  # not paid yet: not a member
    PositionFactory.create_batch(3, body=GoverningBody.STAFF)
    PositionFactory(body=GoverningBody.STAFF, end_date=datetime.date(2021, 6, 30))  # left
    ClusterFactory(slug="innov-health", name="INNOV'HEALTH")
    ClusterFactory(slug="aeromutech", name="AEROμTECH")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(f"{live_server.url}/")
    page.wait_for_load_state("networkidle")

    figures = page.locator("#key-figures")
    expect(figures.locator("[data-figure=members] .key-figure")).to_have_text("7")
    expect(figures.locator("[data-figure=staff] .key-figure")).to_have_text("3")
    expect(figures.locator("[data-figure=clusters] .key-figure")).to_have_text("2")
    # No budget domain yet: the figure says so instead of showing a typed-in number.
    expect(figures.locator("[data-figure=budget] .key-figure-na")).to_be_visible()
    # The page is styled: Bootstrap's stylesheet, served by Grappe itself, was applied.
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"
    assert any(url.endswith("bootstrap.min.css") for url in requested), requested
    # data: URIs (Bootstrap's inline SVG icons) are not requests to a host.
    external = [
        url
        for url in requested
        if not url.startswith(f"{live_server.url}/") and not url.startswith("data:")
    ]
    assert external == [], f"the page asked other hosts: {external}"
