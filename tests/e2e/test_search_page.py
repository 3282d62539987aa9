"""“Trouver un savoir-faire” in a real browser: type a query, click a facet, open a result."""

import re

import pytest
from playwright.sync_api import expect

from grappe.core.models import Facet
from grappe.directory import services
from tests.factories import OrganisationFactory, StaffUserFactory, TermFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def directory(transactional_db):
    staff = StaffUserFactory(username="e2e-staff")
    decolletage = TermFactory(
        code="decolletage", facet=Facet.PROCESS, label_fr="Décolletage", label_en="Bar turning"
    )
    fraisage = TermFactory(code="fraisage_5_axes", facet=Facet.PROCESS, label_fr="Fraisage 5 axes")
    titane = TermFactory(code="titane", facet=Facet.MATERIAL, label_fr="Titane")
    medical = TermFactory(code="medical", facet=Facet.MARKET, label_fr="Dispositifs médicaux")

    def build(name: str, terms, text_fr: str):
        organisation = OrganisationFactory(name=name, description_fr="")
        services.set_capabilities(actor=staff, organisation=organisation, terms=terms)
        services.update_capability_profile(
            actor=staff, organisation=organisation, text_fr=text_fr, text_en=""
        )
        return organisation

    return {
        "comtois": build(
            "Décolletage Comtois",
            [decolletage, titane, medical],
            "Vis orthopédiques en titane, décolletage de précision.",
        ),
        "jura": build(
            "Jura Fraisage",
            [fraisage, titane],
            "Fraisage 5 axes de pièces en titane pour l'aéronautique.",
        ),
        "morteau": build(
            "Pignons de Morteau",
            [decolletage],
            "Décolletage de pignons horlogers en laiton.",
        ),
    }


def hit_names(page) -> list[str]:
    return page.locator("#search-hits .search-hit h2").all_inner_texts()


def test_type_a_query_click_a_facet_open_a_result(page, live_server, directory):
    page.goto(f"{live_server.url}/savoir-faire/")
    expect(page.locator("#search-form")).to_be_visible()
    expect(page.locator("#search-hits .search-hit")).to_have_count(3)  # everything, by name

    # Typing asks the server (htmx), without reloading the page.
    page.locator("#search-q").press_sequentially("titane", delay=30)
    expect(page.locator("#search-hits .search-hit")).to_have_count(2)
    assert sorted(hit_names(page)) == ["Décolletage Comtois", "Jura Fraisage"]
    expect(page).to_have_url(re.compile(r"/savoir-faire/\?.*q=titane"))
    expect(page.locator(".search-snippet mark").first).to_be_visible()

    # A facet value narrows the results; its chip appears; the counts follow.
    facet = page.locator('input[name="process"][value="decolletage"]')
    expect(facet).to_be_visible()
    facet.check()
    expect(page.locator("#search-hits .search-hit")).to_have_count(1)
    assert hit_names(page) == ["Décolletage Comtois"]
    expect(page.locator("#active-filters .search-chip")).to_contain_text("Décolletage")
    expect(page).to_have_url(re.compile(r"process=decolletage"))
    expect(page.locator('input[name="process"][value="decolletage"]')).to_be_checked()

    # The result leads to the organisation's page, which shows its know-how.
    page.locator("#search-hits a", has_text="Décolletage Comtois").click()
    page.wait_for_url(f"{live_server.url}{directory['comtois'].get_absolute_url()}")
    expect(page.locator("h1")).to_have_text("Décolletage Comtois")
    expect(page.locator("#organisation-capabilities")).to_contain_text("Dispositifs médicaux")


def test_removing_a_chip_widens_the_results_again(page, live_server, directory):
    page.goto(f"{live_server.url}/savoir-faire/?process=decolletage")
    expect(page.locator("#search-hits .search-hit")).to_have_count(2)
    page.locator("#active-filters .search-chip").first.click()
    expect(page.locator("#search-hits .search-hit")).to_have_count(3)
    expect(page.locator("#active-filters")).to_have_count(0)


def test_on_a_phone_the_facets_open_in_a_panel_that_stays_open(browser, live_server, directory):
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 800})
    context.set_default_timeout(15_000)
    phone = context.new_page()
    try:
        phone.goto(f"{live_server.url}/savoir-faire/")
        facet = phone.locator('input[name="process"][value="decolletage"]')
        expect(facet).to_be_hidden()
        phone.locator('button[data-bs-toggle="offcanvas"]').click()
        expect(facet).to_be_visible()
        facet.check()
        expect(phone.locator("#search-hits .search-hit")).to_have_count(2)
        # The panel was not replaced: it is still open for the next choice.
        expect(phone.locator("#search-facets")).to_be_visible()
        expect(phone.locator('input[name="process"][value="decolletage"]')).to_be_checked()
    finally:
        context.close()
