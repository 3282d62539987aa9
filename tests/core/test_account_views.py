import pytest
from django.urls import reverse

from grappe.core.models import ActivityLog, ApiToken
from grappe.core.services import create_api_token, user_for_token
from tests.factories import AffiliationFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_the_login_page(client):
    for url in (
        reverse("account"),
        reverse("token_create"),
        reverse("token_revoke", kwargs={"pk": 1}),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_account_shows_the_user_the_person_and_the_organisations(client, member_user):
    organisation = OrganisationFactory(name="Décolletage Comtois")
    AffiliationFactory(person=member_user.person, organisation=organisation)
    client.force_login(member_user)
    response = client.get(reverse("account"))
    assert response.status_code == 200
    html = response.content.decode()
    assert member_user.email in html
    assert member_user.person.full_name in html
    assert "Décolletage Comtois" in html
    assert organisation.get_absolute_url() in html


def test_account_of_a_user_without_person(client):
    user = UserFactory(first_name="Jeanne", last_name="Vuillemin")
    client.force_login(user)
    response = client.get(reverse("account"))
    assert response.status_code == 200
    assert "Jeanne Vuillemin" in response.content.decode()
    assert response.context["person"] is None


def test_account_lists_tokens_in_a_bounded_number_of_queries(
    client, member_user, django_assert_max_num_queries
):
    client.force_login(member_user)
    for number in range(8):
        create_api_token(user=member_user, name=f"script {number}")
    with django_assert_max_num_queries(8):
        response = client.get(reverse("account"))
    html = response.content.decode()
    assert "script 7" in html
    assert html.count('id="token-') == 8


def test_create_token_shows_the_secret_once(client, member_user):
    client.force_login(member_user)
    response = client.post(reverse("token_create"), {"name": "CRM"})
    assert response.status_code == 200
    token = ApiToken.objects.get(user=member_user)
    raw = response.context["issued"].raw
    assert raw in response.content.decode()
    assert "shown only once" in response.content.decode()
    assert user_for_token(raw) == member_user
    assert token.name == "CRM"
    # The page shown afterwards never shows it again.
    assert raw not in client.get(reverse("account")).content.decode()


def test_create_token_by_htmx_answers_with_the_token_section(client, member_user):
    client.force_login(member_user)
    response = client.post(reverse("token_create"), {"name": "CRM"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section class="card" id="tokens"')
    assert "<html" not in html
    assert response.context["issued"].raw in html


def test_create_token_without_a_name_names_the_field(client, member_user):
    client.force_login(member_user)
    response = client.post(reverse("token_create"), {"name": "  "})
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert not ApiToken.objects.exists()


def test_create_token_by_get_is_refused(client, member_user):
    client.force_login(member_user)
    assert client.get(reverse("token_create")).status_code == 405


def test_revoke_asks_for_confirmation_then_revokes(client, member_user):
    client.force_login(member_user)
    token = create_api_token(user=member_user, name="CRM").token
    url = reverse("token_revoke", kwargs={"pk": token.pk})
    response = client.get(url)
    assert response.status_code == 200
    assert "Revoke the token" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None

    response = client.post(url)
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert ActivityLog.objects.filter(action="core.api_token.revoked").count() == 1
    assert "revoked on" in client.get(reverse("account")).content.decode()


def test_revoke_by_htmx_re_renders_the_token_list(client, member_user):
    client.force_login(member_user)
    token = create_api_token(user=member_user, name="CRM").token
    response = client.post(
        reverse("token_revoke", kwargs={"pk": token.pk}), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "revoked on" in response.content.decode()


def test_revoking_someone_elses_token_is_refused(client, member_user):
    other = create_api_token(user=UserFactory(), name="theirs").token
    client.force_login(member_user)
    url = reverse("token_revoke", kwargs={"pk": other.pk})
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    other.refresh_from_db()
    assert other.revoked_at is None


def test_revoking_a_missing_token_is_404(client, member_user):
    client.force_login(member_user)
    assert client.post(reverse("token_revoke", kwargs={"pk": 999})).status_code == 404
