"""Who may open each champions page and API operation (see eolc/core/tests/walk.py).

Written by the trust work from what the pages answered. The walk's programme has no champions
network and rows without `args=` use id 1, so most pages answer 404 to everyone: give the rows
builders of a network, champions, threads and consultations (see eolc/events/tests/access_table.py)
to test who may see what.
"""

from eolc.core.tests.walk import DENIED, HIDDEN, INVALID, OK, Expect

ACCESS = {
    "champions:index": Expect(OK),
    "champions:invitation": Expect(HIDDEN, anonymous=HIDDEN),
    "champions:sign_up": Expect(HIDDEN),
    "champions:home": Expect(HIDDEN),
    "champions:profile": Expect(HIDDEN),
    "champions:consents": Expect(HIDDEN),
    "champions:leave": Expect(HIDDEN),
    "champions:directory": Expect(HIDDEN),
    "champions:local": Expect(HIDDEN),
    "champions:directory_csv": Expect(HIDDEN),
    "champions:contact": Expect(HIDDEN),
    "champions:messages": Expect(HIDDEN),
    "champions:message": Expect(HIDDEN),
    "champions:manage": Expect(HIDDEN),
    "champions:growth": Expect(HIDDEN),
    "champions:approve": Expect(HIDDEN, method="post"),
    "champions:invitation_email": Expect(HIDDEN),
    "champions:consent_on_behalf": Expect(HIDDEN),
    "champions:noticeboard": Expect(HIDDEN),
    "champions:thread_new": Expect(HIDDEN),
    "champions:preferences": Expect(HIDDEN),
    "champions:reports": Expect(HIDDEN),
    "champions:thread": Expect(HIDDEN),
    "champions:thread_moderate": Expect(HIDDEN, method="post"),
    "champions:post_report": Expect(HIDDEN),
    "champions:post_moderate": Expect(HIDDEN, method="post"),
    "champions:consultations": Expect(DENIED, facilitator=OK, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "champions:consultation_new": Expect(DENIED, facilitator=OK, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "champions:consultation": Expect(HIDDEN),
    "champions:consultation_team_respond": Expect(HIDDEN, method="post"),
    "champions:consultation_decide": Expect(HIDDEN, method="post"),
    "champions:groups": Expect(DENIED, facilitator=OK, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "champions:group_remove": Expect(
        DENIED, method="post", facilitator=HIDDEN, admin=HIDDEN, other_admin=HIDDEN, site_admin=HIDDEN
    ),
    "api:champion_list": Expect(DENIED),
    "api:consent_create": Expect(INVALID),
    "api:consent_history": Expect(HIDDEN),
}
