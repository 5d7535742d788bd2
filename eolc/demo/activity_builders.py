"""Short constructors for demo activities, so the course texts read like an outline."""

from eolc.curriculum.models import ActivityKind


def exercise(title, body, questions, domains=(), warning=""):
    return {
        "kind": ActivityKind.EXERCISE,
        "title": title,
        "body": body,
        "questions": questions,
        "domains": domains,
        "warning": warning,
    }


def reading(title, body, domains=(), warning="", url=""):
    return {
        "kind": ActivityKind.RESOURCE,
        "title": title,
        "body": body,
        "domains": domains,
        "warning": warning,
        "url": url,
    }


def reflect(title, body, domains=()):
    return {"kind": ActivityKind.REFLECTION, "title": title, "body": body, "domains": domains, "warning": ""}


def q(prompt, *choices):
    """A question; each choice is (text, correct, feedback)."""
    return {"prompt": prompt, "choices": choices}
