"""Pages for sharing what worked, reviewing it, grouping it into themes, drafting and publishing key
messages, and the catalogue of practice examples. Every object is loaded through access helpers.

One module per concept: contributions (sharing, and the facilitators' hub, bulk entry and review),
themes (with suggestions and the export), key_messages and practice (practice examples).
"""

from eolc.insights.views.contributions import (  # noqa: F401
    bulk_entry,
    contribute,
    hub,
    my_contributions,
    review_contribution,
    review_many,
    review_queue,
)
from eolc.insights.views.key_messages import (  # noqa: F401
    consult_message,
    create_message,
    edit_message,
    message_list,
    message_public,
    programme_messages,
    publish_message,
    show_message,
)
from eolc.insights.views.practice import (  # noqa: F401
    catalogue,
    example_queue,
    review_example,
    show_example,
    submit_example,
)
from eolc.insights.views.themes import (  # noqa: F401
    accept_suggestion,
    export_contributions,
    merge_theme,
    move_contribution,
    suggest_themes,
    suggestion_progress,
    suggestions,
    theme_detail,
    themes,
)
