"""Who may open the privacy pages (see eolc/core/tests/walk.py)."""

from eolc.accounts.tests.factories import UserFactory
from eolc.core.tests.walk import DENIED, HIDDEN, OK, Expect
from eolc.programmes.models import Role
from eolc.programmes.tests.factories import MembershipFactory


def on_member(w):
    """A learner of the programme and nothing else, so its admin may erase them (the walk only GETs)."""

    def build():
        person = UserFactory()
        MembershipFactory(programme=w.programme, person=person, role=Role.LEARNER)
        return person

    return {"pk": w.once("erasable member", build).pk}


ACCESS = {
    "privacy:notice": Expect(OK, anonymous=OK, why="the privacy notice must be readable before signing up"),
    "privacy:my_data": Expect(OK),
    # The download has no id in it: each person only ever gets their own data.
    "privacy:download": Expect(OK),
    # Programme admins only for people in nothing but their programmes; others' members are 404.
    "privacy:erase_person": Expect(DENIED, args=on_member, admin=OK, other_admin=HIDDEN, site_admin=OK),
}
