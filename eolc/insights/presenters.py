"""What the insights templates show: tags, counts and suggestion cards, so templates stay logic-free."""

from eolc.insights.models import Consent, ContributionKind, ReviewStatus

KIND_TAGS = {
    ContributionKind.WHAT_WORKED: "green",
    ContributionKind.WHAT_DIDNT: "orange",
    ContributionKind.BARRIER: "red",
    ContributionKind.SOLUTION: "blue",
}
STATUS_TAGS = {ReviewStatus.PENDING: "yellow", ReviewStatus.APPROVED: "green", ReviewStatus.REJECTED: "grey"}


def contribution_row(contribution) -> dict:
    return {
        "contribution": contribution,
        "kind_tag": KIND_TAGS[contribution.kind],
        "status_tag": STATUS_TAGS[contribution.status],
        "private": contribution.consent == Consent.PRIVATE,
        "where": contribution.event.title if contribution.event_id else "",
    }


def contribution_rows(contributions) -> list[dict]:
    return [contribution_row(contribution) for contribution in contributions]


def suggestion_cards(run, contributions_by_id) -> list[dict]:
    """Each suggested cluster with its quotes (only contributions that are still approved are shown)."""
    cards = []
    for index, cluster in enumerate(run.clusters):
        quotes = [contributions_by_id[pk] for pk in cluster["representatives"] if pk in contributions_by_id]
        cards.append(
            {
                "index": index,
                "terms": cluster["terms"],
                "size": len(cluster["contributions"]),
                "quotes": quotes,
                "accepted": index in run.accepted,
                "title": ", ".join(cluster["terms"][:3]).capitalize(),
            }
        )
    return cards


def support_table(message, *, public: bool) -> dict:
    rows = message.support_by_sector(public=public)
    return {"rows": rows, "total": sum(count for _, count in rows)}
