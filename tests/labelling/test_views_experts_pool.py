"""The staff's experts' pool over HTTP: the list, adding a user, inviting a new external
expert who chooses a password from the e-mail, retiring and reinstating; refused to others."""

import re

import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from grappe.core.models import ActivityLog, User
from grappe.labelling import services
from grappe.labelling.models import Expert
from tests.factories import (
    ApplicationFactory,
    ExpertFactory,
    ReviewAssignmentFactory,
    UserFactory,
    member_contact,
)

pytestmark = pytest.mark.django_db

POOL = reverse("labelling:expert_pool")
INVITE = reverse("labelling:expert_invite")
REGISTER = reverse("labelling:expert_register")
NEW_EXPERT = {
    "first_name": "Claire",
    "last_name": "Vuillemin",
    "email": "Claire.Vuillemin@optique.example",
    "expertise": "Optique spatiale",
}


def retire_url(expert: Expert) -> str:
    return reverse("labelling:expert_retire", kwargs={"pk": expert.pk})


def reinstate_url(expert: Expert) -> str:
    return reverse("labelling:expert_reinstate", kwargs={"pk": expert.pk})


# Who may ----------------------------------------------------------------------------------


def test_the_pool_pages_refuse_members_and_ask_the_anonymous_to_log_in(client):
    expert = ExpertFactory()
    pages = [
        ("get", POOL, {}),
        ("post", REGISTER, {"user": UserFactory().pk}),
        ("post", INVITE, NEW_EXPERT),
        ("get", retire_url(expert), {}),
        ("post", retire_url(expert), {}),
        ("get", reinstate_url(expert), {}),
        ("post", reinstate_url(expert), {}),
    ]
    for method, url, data in pages:
        anonymous = getattr(client, method)(url, data)
        assert anonymous.status_code == 302, url
        assert anonymous.url.startswith(reverse("login"))
    client.force_login(member_contact())
    for method, url, data in pages:
        assert getattr(client, method)(url, data).status_code == 403, url
    # An expert of the pool is no staff either.
    client.force_login(expert.user)
    assert client.get(POOL).status_code == 403
    assert Expert.objects.count() == 1
    assert Expert.objects.get().is_active
    assert not User.objects.filter(email__iexact=NEW_EXPERT["email"]).exists()


def test_the_staff_navigation_leads_to_the_pool(client, staff):
    client.force_login(staff)
    html = client.get(reverse("labelling:pipeline")).content.decode()
    assert f'href="{POOL}"' in html


# The list ---------------------------------------------------------------------------------


def test_the_pool_lists_the_experts_with_their_assignments(client, staff):
    busy = ExpertFactory(
        user=UserFactory(username="busy", first_name="Anne", last_name="Baud"),
        expertise="Horlogerie",
    )
    ExpertFactory(
        user=UserFactory(username="idle", first_name="Marc", last_name="Zeller"), is_active=False
    )
    for _ in range(3):
        ReviewAssignmentFactory(expert=busy.user, application=ApplicationFactory())
    client.force_login(staff)
    response = client.get(POOL)
    assert response.status_code == 200
    rows = {expert.user.username: expert for expert in response.context["page_obj"]}
    assert rows["busy"].assignment_count == 3
    assert rows["idle"].assignment_count == 0
    html = response.content.decode()
    row = html.split('data-expert="busy"')[1].split("</tr>")[0]
    assert "Anne Baud" in row
    assert "busy@example.org" in row
    assert "Horlogerie" in row
    assert "available" in row
    assert retire_url(busy) in row
    idle_row = html.split('data-expert="idle"')[1].split("</tr>")[0]
    assert "retired" in idle_row
    assert "Reinstate" in idle_row


def test_the_pool_filters_and_sorts(client, staff):
    ExpertFactory(user=UserFactory(username="a", last_name="Arnoux"))
    late = ExpertFactory(user=UserFactory(username="z", last_name="Zeller"), is_active=False)
    ReviewAssignmentFactory(expert=late.user, application=ApplicationFactory())
    client.force_login(staff)

    def names(**params):
        page = client.get(POOL, params).context["page_obj"]
        return [expert.user.username for expert in page]

    assert names() == ["a", "z"]
    assert names(tri="-name") == ["z", "a"]
    assert names(tri="-assignments") == ["z", "a"]
    assert names(statut="available") == ["a"]
    assert names(statut="retired") == ["z"]
    assert names(statut="nonsense", tri="nonsense") == ["a", "z"]  # bad values are ignored


def test_an_empty_pool_says_so(client, staff):
    client.force_login(staff)
    response = client.get(POOL)
    assert response.status_code == 200
    assert "No expert in the pool yet" in response.content.decode()


def test_the_pool_reads_a_fixed_number_of_queries(client, staff, django_assert_max_num_queries):
    client.force_login(staff)

    def count_queries() -> int:
        with django_assert_max_num_queries(12) as captured:
            assert client.get(POOL, {"q": "user"}).status_code == 200
        return len(captured.captured_queries)

    ExpertFactory()
    few = count_queries()
    for _ in range(15):
        expert = ExpertFactory()
        ReviewAssignmentFactory(expert=expert.user, application=ApplicationFactory())
        UserFactory()
    assert count_queries() == few


# Adding a user ----------------------------------------------------------------------------


def test_the_search_finds_users_outside_the_pool(client, staff):
    UserFactory(username="jdoe", first_name="Jeanne", last_name="Doubs", email="jd@lab.example")
    ExpertFactory(user=UserFactory(username="already", first_name="Jeanne", last_name="Pool"))
    UserFactory(username="gone", first_name="Jeanne", last_name="Away", is_active=False)
    client.force_login(staff)
    found = client.get(POOL, {"q": "jeanne"}).context["candidates"]
    assert [user.username for user in found] == ["jdoe"]
    assert [u.username for u in client.get(POOL, {"q": "LAB.example"}).context["candidates"]] == [
        "jdoe"
    ]
    assert client.get(POOL, {"q": "jeanne doubs"}).context["candidates"] == found
    assert client.get(POOL, {"q": "nobody"}).context["candidates"] == []
    # htmx gets the results alone.
    partial = client.get(POOL, {"q": "jeanne"}, headers={"HX-Request": "true"})
    html = partial.content.decode()
    assert 'id="candidates"' in html
    assert 'data-candidate="jdoe"' in html
    assert "<html" not in html
    assert 'id="experts"' not in html


def test_the_staff_add_a_user_to_the_pool(client, staff):
    user = UserFactory(username="jdoe", first_name="Jeanne", last_name="Doubs")
    client.force_login(staff)
    response = client.post(REGISTER, {"user": user.pk, "expertise": "  Microfluidique "})
    assert response.status_code == 302
    expert = Expert.objects.get(user=user)
    assert (expert.expertise, expert.is_active) == ("Microfluidique", True)
    assert ActivityLog.objects.filter(action="labelling.expert.registered").count() == 1


def test_adding_a_user_already_in_the_pool_or_unknown_is_an_error(client, staff):
    expert = ExpertFactory(expertise="Horlogerie")
    client.force_login(staff)
    for data in ({"user": expert.user_id, "expertise": "Autre"}, {"user": 999_999}, {}):
        response = client.post(REGISTER, data)
        assert response.status_code == 200
        assert "user" in response.context["register_form"].errors
    assert "Choose a user among the search results." in response.content.decode()
    expert.refresh_from_db()
    assert expert.expertise == "Horlogerie"
    assert not ActivityLog.objects.filter(action="labelling.expert.registered").exists()


# Inviting a new external expert -----------------------------------------------------------


def test_the_staff_invite_a_new_expert_who_chooses_a_password(
    client, staff, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(INVITE, NEW_EXPERT)
    assert response.status_code == 302
    user = User.objects.get(email="claire.vuillemin@optique.example")
    assert (user.first_name, user.last_name, user.is_staff) == ("Claire", "Vuillemin", False)
    assert user.labelling_expert.expertise == "Optique spatiale"
    assert user.labelling_expert.is_active
    entry = ActivityLog.objects.get(action="labelling.expert.invited")
    assert entry.actor == staff
    # The e-mail carries a password link made of Django's reset token.
    assert [message.to for message in mailoutbox] == [["claire.vuillemin@optique.example"]]
    body = mailoutbox[0].body
    assert "Claire Vuillemin" in body
    assert user.username in body
    link = re.search(r"https?://\S+/mot-de-passe/nouveau/\S+/", body)
    assert link is not None
    path = "/" + link.group(0).split("/", 3)[3]
    client.logout()
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_url,
        {"new_password1": "Besancon-2026-optique", "new_password2": "Besancon-2026-optique"},
    )
    assert done.status_code == 302
    assert authenticate(username=user.username, password="Besancon-2026-optique") == user


def test_an_invitation_needs_the_names_and_a_valid_address(client, staff, mailoutbox):
    client.force_login(staff)
    response = client.post(INVITE, {"first_name": " ", "last_name": "", "email": "not-an-address"})
    assert response.status_code == 200
    assert set(response.context["invite_form"].errors) == {"first_name", "last_name", "email"}
    assert not Expert.objects.exists()
    assert mailoutbox == []


def test_an_address_already_used_is_an_error_on_the_email_field(client, staff, mailoutbox):
    UserFactory(username="known", email="claire.vuillemin@optique.example")
    client.force_login(staff)
    response = client.post(INVITE, NEW_EXPERT)  # the same address, another case
    assert response.status_code == 200
    errors = response.context["invite_form"].errors
    assert list(errors) == ["email"]
    assert "already has this e-mail address" in errors["email"][0]
    assert User.objects.filter(email__iexact=NEW_EXPERT["email"]).count() == 1
    assert not Expert.objects.exists()
    assert not ActivityLog.objects.filter(action="labelling.expert.invited").exists()
    assert mailoutbox == []


def test_an_invited_expert_whose_address_is_a_username_gets_another(client, staff):
    UserFactory(username="claire.vuillemin@optique.example", email="")
    client.force_login(staff)
    assert client.post(INVITE, NEW_EXPERT).status_code == 302
    expert = Expert.objects.get()
    assert expert.user.username == "claire.vuillemin@optique.example-2"


def test_get_on_the_invitation_leads_to_the_pool(client, staff):
    client.force_login(staff)
    response = client.get(INVITE)
    assert response.status_code == 302
    assert response.url == POOL


# Retiring and reinstating -----------------------------------------------------------------


def test_retiring_asks_for_confirmation_then_keeps_the_assignments(client, staff):
    expert = ExpertFactory()
    assignment = ReviewAssignmentFactory(expert=expert.user, application=ApplicationFactory())
    client.force_login(staff)
    confirm = client.get(retire_url(expert))
    assert confirm.status_code == 200
    assert 'data-action="confirm"' in confirm.content.decode()
    expert.refresh_from_db()
    assert expert.is_active  # nothing done on GET
    assert client.post(retire_url(expert)).status_code == 302
    expert.refresh_from_db()
    assert not expert.is_active
    assert assignment.__class__.objects.filter(pk=assignment.pk).exists()
    assert ActivityLog.objects.filter(action="labelling.expert.retired").count() == 1


def test_reinstating_asks_for_confirmation(client, staff):
    expert = ExpertFactory(is_active=False, expertise="Horlogerie")
    client.force_login(staff)
    assert client.get(reinstate_url(expert)).status_code == 200
    expert.refresh_from_db()
    assert not expert.is_active
    assert client.post(reinstate_url(expert)).status_code == 302
    expert.refresh_from_db()
    assert (expert.is_active, expert.expertise) == (True, "Horlogerie")
    # Reinstating an available expert changes nothing.
    assert client.post(reinstate_url(expert)).status_code == 302
    assert ActivityLog.objects.filter(action="labelling.expert.registered").count() == 1


def test_an_unknown_expert_is_404(client, staff):
    client.force_login(staff)
    assert client.get(reverse("labelling:expert_retire", kwargs={"pk": 999})).status_code == 404
    assert client.post(reverse("labelling:expert_reinstate", kwargs={"pk": 999})).status_code == 404


def test_only_the_staff_invite_through_the_service(mailoutbox):
    with pytest.raises(PermissionDenied):
        services.invite_expert(
            actor=member_contact(), first_name="A", last_name="B", email="a@b.example"
        )
    assert not User.objects.filter(email="a@b.example").exists()
