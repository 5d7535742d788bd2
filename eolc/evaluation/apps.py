from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "eolc.evaluation"
    verbose_name = "Evaluation"

    def ready(self):
        from eolc.core import navigation
        from eolc.evaluation import waiting
        from eolc.evaluation.models import Invitation, Survey
        from eolc.evaluation.presenters import event_page_links
        from eolc.events import links

        links.register(event_page_links)
        waiting.STAMP.follow(Invitation, Survey)

        navigation.register(
            "Surveys", "evaluation:mine", order=45, visible=lambda user: user.is_authenticated
        )
