"""Plans for tests, made through the service so they are shaped as the pages make them."""

import datetime

from django.utils import timezone

from eolc.action_plans import services
from eolc.action_plans.models import PracticeCategory


def make_plan(owner, *, event=None, actions=1, categories=None, now=None, **fields):
    now = now or timezone.now()
    categories = categories or [PracticeCategory.OTHER] * actions
    return services.action_plan_create(
        owner=owner,
        event=event,
        title=fields.pop("title", "Work with the hospice team"),
        actions=[
            {
                "description": f"Action {index + 1}: meet the hospital social work team",
                "due_date": (now + datetime.timedelta(days=30)).date(),
                "category": categories[index],
            }
            for index in range(actions)
        ],
        now=now,
        **fields,
    )
