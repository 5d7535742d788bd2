"""The champions network of a programme: who joined and how, what they agreed to share, and messages.

Django finds the app's models through this module, so every model is imported here; the rest of
the project imports them from `eolc.champions.models` as before.
"""

from eolc.champions.models.consent import (
    CONSENT_WORDING,
    CURRENT_WORDING_VERSION,
    MESSAGES_WORDING,
    Audience,
    ConsentField,
    ConsentMethod,
    ConsentRecord,
    ConsentRecordQuerySet,
    consent_wording,
)
from eolc.champions.models.consultations import (
    Consultation,
    ConsultationQuerySet,
    ConsultationResponse,
    Consultees,
    Group,
    GroupMembership,
    GroupMembershipQuerySet,
    Outcome,
    Stance,
)
from eolc.champions.models.directory import (
    ContactMessage,
    ContactMessageQuerySet,
)
from eolc.champions.models.network import (
    Activation,
    Champion,
    ChampionQuerySet,
    ChampionStatus,
    InvitationSource,
    Motivation,
    Network,
)
from eolc.champions.models.noticeboard import (
    Category,
    Frequency,
    NoticeboardPreference,
    NoticeboardPreferenceQuerySet,
    Post,
    PostQuerySet,
    Report,
    ReportQuerySet,
    Thread,
    ThreadQuerySet,
)

__all__ = [
    "Activation",
    "Audience",
    "CONSENT_WORDING",
    "CURRENT_WORDING_VERSION",
    "Category",
    "Champion",
    "ChampionQuerySet",
    "ChampionStatus",
    "ConsentField",
    "ConsentMethod",
    "ConsentRecord",
    "ConsentRecordQuerySet",
    "Consultation",
    "ConsultationQuerySet",
    "ConsultationResponse",
    "Consultees",
    "ContactMessage",
    "ContactMessageQuerySet",
    "Frequency",
    "Group",
    "GroupMembership",
    "GroupMembershipQuerySet",
    "InvitationSource",
    "MESSAGES_WORDING",
    "Motivation",
    "Network",
    "NoticeboardPreference",
    "NoticeboardPreferenceQuerySet",
    "Outcome",
    "Post",
    "PostQuerySet",
    "Report",
    "ReportQuerySet",
    "Stance",
    "Thread",
    "ThreadQuerySet",
    "consent_wording",
]
