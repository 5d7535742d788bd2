"""Who may open each insights page (see eolc/core/tests/walk.py).

Written by the trust work from what the pages answered. Rows without `args=` use id 1, which
does not exist, so every role gets 404 there: give them builders of real objects (see
eolc/events/tests/access_table.py) to test object-level access properly.
"""

from eolc.core.tests.walk import DENIED, HIDDEN, OK, Expect

ACCESS = {
    "insights:contribute": Expect(OK),
    "insights:mine": Expect(OK),
    "insights:hub": Expect(DENIED, facilitator=OK, admin=OK, other_admin=OK, site_admin=OK),
    "insights:bulk": Expect(DENIED, facilitator=OK, admin=OK, other_admin=OK, site_admin=OK),
    "insights:review": Expect(DENIED, facilitator=OK, admin=OK, other_admin=OK, site_admin=OK),
    "insights:review_many": Expect(
        DENIED, method="post", facilitator=OK, admin=OK, other_admin=OK, site_admin=OK
    ),
    "insights:review_contribution": Expect(HIDDEN),
    "insights:themes": Expect(DENIED, facilitator=OK, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "insights:suggest": Expect(
        DENIED, method="post", facilitator=OK, admin=OK, other_admin=HIDDEN, site_admin=OK
    ),
    "insights:programme_messages": Expect(
        DENIED, facilitator=OK, admin=OK, other_admin=HIDDEN, site_admin=OK
    ),
    "insights:create_message": Expect(DENIED, facilitator=OK, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "insights:export": Expect(DENIED, facilitator=OK, admin=OK, other_admin=HIDDEN, site_admin=OK),
    "insights:theme": Expect(HIDDEN),
    "insights:move_contribution": Expect(HIDDEN, method="post"),
    "insights:merge_theme": Expect(HIDDEN, method="post"),
    "insights:suggestions": Expect(HIDDEN),
    "insights:suggestion_progress": Expect(HIDDEN),
    "insights:accept": Expect(HIDDEN, method="post"),
    "insights:message": Expect(HIDDEN),
    "insights:edit_message": Expect(HIDDEN),
    "insights:publish_message": Expect(HIDDEN, method="post"),
    "insights:consult_message": Expect(HIDDEN, method="post"),
    "insights:messages": Expect(OK, anonymous=OK, why="published key messages are for everyone"),
    "insights:message_public": Expect(HIDDEN, anonymous=HIDDEN),
    "insights:catalogue": Expect(OK, anonymous=OK, why="the catalogue of published practice examples"),
    "insights:submit_example": Expect(OK),
    "insights:example_queue": Expect(DENIED, facilitator=OK, admin=OK, other_admin=OK, site_admin=OK),
    "insights:example": Expect(HIDDEN, anonymous=HIDDEN),
    "insights:review_example": Expect(
        DENIED, method="post", facilitator=HIDDEN, admin=HIDDEN, other_admin=HIDDEN, site_admin=HIDDEN
    ),
}
