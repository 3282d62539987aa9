import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_login_page_has_the_fields_and_a_forgotten_password_link(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_username"' in html
    assert 'id="id_password"' in html
    assert 'type="submit"' in html
    assert reverse("password_reset") in html


def test_login_with_the_right_password_logs_in_and_goes_home(client):
    user = UserFactory(username="claire")
    response = client.post(reverse("login"), {"username": "claire", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_login_follows_next(client):
    UserFactory(username="claire")
    response = client.post(
        reverse("login"),
        {"username": "claire", "password": PASSWORD, "next": reverse("account")},
    )
    assert response["Location"] == reverse("account")


def test_wrong_password_re_renders_the_form_with_an_error(client):
    UserFactory(username="claire")
    response = client.post(reverse("login"), {"username": "claire", "password": "wrong"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert response.context["form"].non_field_errors()
    assert "alert-danger" in response.content.decode()


def test_logout_is_a_post_and_ends_the_session(client):
    client.force_login(UserFactory())
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_logout_by_get_is_refused(client):
    client.force_login(UserFactory())
    response = client.get(reverse("logout"))
    assert response.status_code == 405
    assert "_auth_user_id" in client.session


def test_password_reset_sends_one_mail_with_a_working_link(client):
    user = UserFactory(username="claire", email="claire@example.org")
    response = client.post(reverse("password_reset"), {"email": "claire@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["claire@example.org"]
    assert "\n" not in message.subject
    link = re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)

    # The link leads to the form (Django first swaps the token for a session one).
    response = client.get(link, follow=True)
    assert response.status_code == 200
    assert response.context["validlink"] is True
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url,
        {"new_password1": "une-cle-toute-neuve-25", "new_password2": "une-cle-toute-neuve-25"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_complete")
    assert client.get(reverse("password_reset_complete")).status_code == 200
    user.refresh_from_db()
    assert user.check_password("une-cle-toute-neuve-25")
    assert client.login(username="claire", password="une-cle-toute-neuve-25")


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_password_reset_with_a_bad_address_names_the_field(client):
    response = client.post(reverse("password_reset"), {"email": "not-an-address"})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors


def test_a_used_or_forged_link_says_so(client):
    UserFactory(username="claire")
    response = client.get(
        reverse("password_reset_confirm", kwargs={"uidb64": "MQ", "token": "nope-nope"})
    )
    assert response.status_code == 200
    assert response.context["validlink"] is False
    assert reverse("password_reset") in response.content.decode()
