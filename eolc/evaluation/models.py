"""Surveys: questions, when they are sent, who was invited, and the answers people give.

A response to a named survey keeps its person (so they can resume a draft and nobody else can
read it) and a pseudonymous pairing key (so reports can put a person's pre and post answers
side by side without knowing who they are). A response to an anonymous survey keeps neither
once it is submitted. ADR 014 explains the choices.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from eolc.curriculum.models import Part
from eolc.events.models import Event
from eolc.programmes.models import Programme


class SurveyKind(models.TextChoices):
    PRE = "pre", "Before a session (pre)"
    POST = "post", "After a session (post)"
    FEEDBACK = "feedback", "Session feedback"
    FOLLOW_UP = "follow_up", "Follow-up"
    OTHER = "other", "Other"


class SurveyQuerySet(models.QuerySet):
    def templates(self):
        return self.filter(is_template=True)

    def in_programme(self, programme):
        return self.filter(programme=programme, is_template=False)

    def of_kind(self, kind):
        return self.filter(kind=kind)


class Survey(models.Model):
    """A questionnaire. Templates belong to no programme and are copied into one to be used."""

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=SurveyKind.choices, default=SurveyKind.OTHER)
    introduction = models.TextField(blank=True, help_text="Shown above the questions")
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.CASCADE, related_name="surveys"
    )
    is_template = models.BooleanField(default=False)
    template_key = models.SlugField(
        max_length=60, blank=True, help_text="Names a seeded template, so seeding can run again"
    )
    anonymous = models.BooleanField(
        default=False,
        help_text="Answers keep no link to the person once sent, so they cannot be paired before and after",
    )
    created_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_template=True, programme__isnull=True)
                | Q(is_template=False, programme__isnull=False),
                name="survey_template_or_in_programme",
            ),
            models.UniqueConstraint(
                fields=["template_key"], condition=~Q(template_key=""), name="survey_template_key_unique"
            ),
        ]

    def __str__(self):
        return self.title


class QuestionKind(models.TextChoices):
    LIKERT = "likert", "Agree or disagree (5 points)"
    SINGLE = "single", "Choose one"
    MULTIPLE = "multiple", "Choose any"
    TEXT = "text", "Free text"
    CONFIDENCE = "confidence", "Confidence from 1 to 10"


LIKERT_LABELS = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
SCALES = {QuestionKind.LIKERT: (1, 5), QuestionKind.CONFIDENCE: (1, 10)}


class Question(models.Model):
    """One question. Scale answers are whole numbers, so reports can average them in the database.

    `measure` names what a scale question measures (e.g. `confidence-roles`): a pre and a post
    question with the same measure in the same programme are compared pair by pair.
    """

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=QuestionKind.choices)
    text = models.CharField(max_length=300)
    help_text = models.CharField(max_length=300, blank=True)
    required = models.BooleanField(default=True)
    options = models.JSONField(default=list, blank=True, help_text="Choices for choose-one and choose-any")
    measure = models.SlugField(max_length=60, blank=True)

    class Meta:
        ordering = ["survey", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["survey", "position"], name="question_position_once")]

    def __str__(self):
        return self.text

    def clean(self):
        if self.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and len(self.options) < 2:
            raise ValidationError({"options": "Give at least 2 options, one per line."})
        if self.kind not in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and self.options:
            raise ValidationError({"options": "Only choose-one and choose-any questions have options."})
        if self.measure and self.kind not in SCALES:
            raise ValidationError({"measure": "Only scale questions can be compared before and after."})


class Timing(models.TextChoices):
    BEFORE = "before", "Before the session"
    AFTER = "after", "Straight after the session"
    LATER = "later", "Some days after the session"


class ScheduleQuerySet(models.QuerySet):
    def for_event(self, event):
        """Schedules that apply to an event: its own, and those of the part it or its series is for."""
        parts = [p for p in (event.part_id, event.series.part_id if event.series_id else None) if p]
        return self.filter(Q(event=event) | Q(part__in=parts))


class Schedule(models.Model):
    """When a survey goes out: for one event, or for every event linked to a part."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="schedules")
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.CASCADE, related_name="survey_schedules"
    )
    part = models.ForeignKey(
        Part, null=True, blank=True, on_delete=models.CASCADE, related_name="survey_schedules"
    )
    timing = models.CharField(max_length=10, choices=Timing.choices)
    days = models.PositiveSmallIntegerField(
        default=0, help_text="Days before (for before) or after (for later) the session"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScheduleQuerySet.as_manager()

    class Meta:
        ordering = ["survey", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(event__isnull=False) & Q(part__isnull=True))
                | (Q(event__isnull=True) & Q(part__isnull=False)),
                name="schedule_for_event_or_part",
            ),
            models.CheckConstraint(condition=Q(days__lte=365), name="schedule_days_within_a_year"),
        ]

    def __str__(self):
        return f"{self.survey}: {self.get_timing_display()} {self.event or self.part}"


class InvitationQuerySet(models.QuerySet):
    def for_person(self, person):
        return self.filter(person=person)

    def sent(self):
        return self.filter(sent_at__isnull=False)

    def awaiting(self):
        return self.sent().filter(responded_at__isnull=True)

    def with_draft(self):
        """Annotate `has_draft`: the person saved answers without sending them."""
        drafts = Response.objects.drafts()
        return self.annotate(
            has_draft=Exists(drafts.filter(invitation=OuterRef("pk")))
            | Exists(
                drafts.filter(person=OuterRef("person"), survey=OuterRef("survey"), event=OuterRef("event"))
            )
        )


class Invitation(models.Model):
    """One person asked to answer one survey about one event. The row is the claim: it is sent once.

    `responded_at` records that the person answered, which is all response rates and reminders need;
    for an anonymous survey it is the only trace, and it does not say which response is theirs.
    """

    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="invitations")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="survey_invitations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="survey_invitations"
    )
    claimed_at = models.DateTimeField()
    claim = models.CharField(max_length=32)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-claimed_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["schedule", "event", "person"], name="invitation_once")
        ]

    def __str__(self):
        return f"{self.survey} for {self.person} ({self.event})"


class ResponseQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(submitted_at__isnull=False)

    def drafts(self):
        return self.filter(submitted_at__isnull=True)

    def in_programme(self, programme):
        return self.filter(survey__programme=programme)


class Response(models.Model):
    """A set of answers. Drafts are saved as people go; a submitted response cannot be changed.

    For an anonymous survey the draft points at its invitation (so it can be resumed); submitting
    clears that link and the time of day, leaving no person, invitation or pairing key.
    """

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="survey_responses"
    )
    invitation = models.OneToOneField(
        Invitation, null=True, blank=True, on_delete=models.SET_NULL, related_name="response"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    pairing_key = models.CharField(max_length=64, blank=True, db_index=True)
    # What a pre and a post response must share to be paired: "event:<id>" or "part:<id>".
    scope = models.CharField(max_length=30, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "event", "person"],
                condition=Q(person__isnull=False),
                name="response_once_per_person",
            ),
        ]

    def __str__(self):
        return f"Response {self.pk} to {self.survey}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Answer(models.Model):
    """One answer: `value` for scales, `choice` for choose-one, `choices` for choose-any, `text`.

    Choices are stored as option labels, so a count still reads right if options are reordered.
    """

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    value = models.SmallIntegerField(null=True, blank=True)
    choice = models.CharField(max_length=200, blank=True)
    choices = models.JSONField(default=list, blank=True)
    text = models.TextField(blank=True, max_length=4000)

    class Meta:
        ordering = ["response", "question__position"]
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="answer_once_per_question"),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | (Q(value__gte=1) & Q(value__lte=10)),
                name="answer_value_1_to_10",
            ),
        ]

    def __str__(self):
        return f"Answer to {self.question}"
