"""The two demo logins: a staff superuser and the contact of a member organisation."""

from dataclasses import dataclass

from grappe.core.models import User
from grappe.core.services import create_user, set_user_password
from grappe.demo.context import DemoContext
from grappe.demo.people import MEMBER_CONTACT
from grappe.demo.pole import DIRECTOR
from grappe.members.models import Person
from grappe.members.services import link_user_account

PASSWORD = "grappe-demo"


@dataclass(frozen=True)
class Login:
    username: str
    person_email: str
    is_staff: bool
    description: str


LOGINS = (
    Login("staff", DIRECTOR.email, True, "staff (superuser)"),
    Login(
        "membre",
        f"{MEMBER_CONTACT[0].lower()}.{MEMBER_CONTACT[1].lower()}@{MEMBER_CONTACT[2]}.example",
        False,
        "member contact",
    ),
)


def build(context: DemoContext) -> list[str]:
    lines = []
    for login in LOGINS:
        person = Person.objects.get(email=login.person_email)
        user = User.objects.filter(username=login.username).first()
        if user is None:
            user = create_user(
                actor=None,
                username=login.username,
                password=PASSWORD,
                email=person.email,
                is_staff=login.is_staff,
                is_superuser=login.is_staff,
            )
        elif not user.check_password(PASSWORD):
            set_user_password(actor=None, user=user, password=PASSWORD)
        link_user_account(actor=None, person=person, user=user)
        lines.append(
            f"login {login.username} / {PASSWORD}: {login.description}, {person.full_name}"
        )
    return lines
