"""Reminders at the owner's intervals, each sent once, none after the plan is closed or all done."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command

from eolc.accounts.tests.factories import UserFactory
from eolc.action_plans import services
from eolc.action_plans.models import PlanReminder, Status
from eolc.action_plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db

WRITTEN = datetime.datetime(2030, 3, 4, 16, 0, tzinfo=datetime.UTC)


def weeks(n, hours=1):
    return WRITTEN + datetime.timedelta(weeks=n, hours=hours)


def links_in(message):
    return re.findall(r"http://\S+/plans/update/(\S+)/", message.body)


def test_reminders_follow_the_default_2_6_12_week_schedule_once_each():
    plan = make_plan(UserFactory(), actions=2, now=WRITTEN)
    assert plan.reminder_weeks == [2, 6, 12]
    assert services.reminders_send(now=weeks(1)) == 0
    assert services.reminders_send(now=weeks(2)) == 1
    assert services.reminders_send(now=weeks(2, hours=5)) == 0
    assert services.reminders_send(now=weeks(6)) == 1
    assert services.reminders_send(now=weeks(12)) == 1
    assert services.reminders_send(now=weeks(40)) == 0
    assert len(mail.outbox) == 3
    assert sorted(PlanReminder.objects.values_list("weeks", flat=True)) == [2, 6, 12]
    assert len(links_in(mail.outbox[0])) == 2


def test_a_late_run_sends_only_the_latest_reminder_due():
    make_plan(UserFactory(), now=WRITTEN, reminder_weeks=[2, 4])
    assert services.reminders_send(now=weeks(5)) == 1
    assert list(PlanReminder.objects.values_list("weeks", flat=True)) == [4]


def test_reminders_stop_when_every_action_is_done():
    plan = make_plan(UserFactory(), actions=2, now=WRITTEN)
    first, second = plan.actions.all()
    assert services.reminders_send(now=weeks(2)) == 1
    services.progress_update_create(action=first, status=Status.DONE, now=weeks(3))
    assert services.reminders_send(now=weeks(6)) == 1
    # Only the unfinished action gets a link.
    assert len(links_in(mail.outbox[-1])) == 1 and second.description in mail.outbox[-1].body
    token = links_in(mail.outbox[-1])[0]
    assert services.update_link_use(token=token, status=Status.DONE, now=weeks(7)).action == second
    assert services.reminders_send(now=weeks(12)) == 0
    assert len(mail.outbox) == 2


def test_reminders_stop_when_the_plan_is_closed():
    plan = make_plan(UserFactory(), now=WRITTEN)
    assert services.reminders_send(now=weeks(2)) == 1
    services.action_plan_close(plan=plan, now=weeks(3))
    assert services.reminders_send(now=weeks(6)) == 0
    assert services.reminders_send(now=weeks(12)) == 0
    assert len(mail.outbox) == 1


def test_a_claim_is_taken_over_only_after_its_lease():
    plan = make_plan(UserFactory(), now=WRITTEN)
    PlanReminder.objects.create(plan=plan, weeks=2, claimed_at=weeks(2), claim="dead-worker")
    assert services.reminders_send(now=weeks(2, hours=1) + datetime.timedelta(minutes=5)) == 0
    assert services.reminders_send(now=weeks(2, hours=1) + datetime.timedelta(minutes=11)) == 1
    assert services.reminders_send(now=weeks(2, hours=2)) == 0
    assert len(mail.outbox) == 1


def test_the_command_sends_due_reminders(capsys):
    make_plan(UserFactory(), now=datetime.datetime.now(datetime.UTC) - datetime.timedelta(weeks=2, hours=1))
    call_command("send_action_plan_reminders")
    call_command("send_action_plan_reminders")
    assert "Action plan reminders sent: 1" in capsys.readouterr().out
    assert len(mail.outbox) == 1
