"""Personal data in evaluation (see eolc/privacy/registry.py)."""

from eolc.privacy.registry import About, StaffRecord

PERSONAL_DATA = {
    "evaluation.Survey": StaffRecord(links=("created_by",), why="a survey written by the programme team"),
    "evaluation.Invitation": About(
        person="person", export=("survey", "event", "sent_at", "reminded_at", "responded_at")
    ),
    # Responses and their scores stay for the reports; free-text answers are emptied.
    "evaluation.Response": About(person="person", export=("survey", "event", "started_at", "submitted_at")),
    "evaluation.Answer": About(
        person="response__person", export=("question", "value", "choice", "choices", "text"), blank=("text",)
    ),
}
