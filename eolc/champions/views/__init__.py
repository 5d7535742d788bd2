"""Views of the champions network, one module per concept."""

from eolc.champions.views.consultations import (  # noqa: F401
    consultation,
    consultation_decide,
    consultation_new,
    consultation_team_respond,
    consultations,
    group_remove,
    groups,
)
from eolc.champions.views.network import (  # noqa: F401
    approve,
    consent_on_behalf,
    consents,
    contact,
    directory,
    directory_csv,
    growth,
    home,
    index,
    invitation,
    invitation_email,
    leave,
    local_champions,
    manage,
    message,
    my_messages,
    profile,
    sign_up,
)
from eolc.champions.views.noticeboard import (  # noqa: F401
    noticeboard,
    post_moderate,
    post_report,
    preferences,
    reports,
    thread,
    thread_moderate,
    thread_new,
)
