"""Forms for finding, registering for and running events. They render through core's NHS.UK renderer."""

import datetime
import zoneinfo

from django import forms
from django.utils import timezone

from eolc.accounts.models import Area, AreaKind, Organisation, time_zone_choices
from eolc.events.models import DEFAULT_MINUTES, EventKind, EventStatus, TimeOfDay
from eolc.programmes.models import Programme

VIEW_CHOICES = [("month", "Month"), ("list", "List")]
MODE_CHOICES = [("", "Online or in person"), ("online", "Online"), ("in_person", "In person")]


def _any(label):
    return [("", label)]


def used_references(events) -> dict[str, frozenset[int]]:
    """The areas, hosts and programmes these events use, in one query: the filters offer only those."""
    rows = events.order_by().values_list("area_id", "host_id", "programme_id").distinct()
    used = {"area": set(), "host": set(), "programme": set()}
    for area, host, programme in rows:
        used["area"].add(area)
        used["host"].add(host)
        used["programme"].add(programme)
    return {name: frozenset(ids - {None}) for name, ids in used.items()}


def filter_choices(used: dict[str, frozenset[int]]) -> dict[str, list[tuple[str, str]]]:
    """The calendar's area (with their regions), host and programme choices for `used_references`."""
    used_areas = Area.objects.filter(pk__in=used["area"]).select_related("parent")
    regions = {a.parent for a in used_areas if a.parent_id and a.parent.kind == AreaKind.REGION}
    areas = [(str(r.pk), f"{r.name} (region)") for r in sorted(regions, key=lambda r: r.name)]
    areas += [(str(a.pk), a.name) for a in sorted(used_areas, key=lambda a: a.name)]
    hosts = Organisation.objects.filter(pk__in=used["host"]).order_by("name")
    programmes = Programme.objects.filter(pk__in=used["programme"]).order_by("title")
    return {
        "area": areas,
        "host": [(str(h.pk), h.name) for h in hosts],
        "programme": [(str(p.pk), p.title) for p in programmes],
    }


class EventFilterForm(forms.Form):
    """The calendar's filters. Every field is optional; bad values are ignored, not refused."""

    view = forms.ChoiceField(choices=VIEW_CHOICES, required=False, widget=forms.HiddenInput)
    month = forms.CharField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(label="Type of event", required=False)
    area = forms.ChoiceField(label="Region or area", required=False)
    mode = forms.ChoiceField(label="Online or in person", choices=MODE_CHOICES, required=False)
    time_of_day = forms.ChoiceField(label="Time of day", required=False)
    host = forms.ChoiceField(label="Host", required=False)
    programme = forms.ChoiceField(label="Programme", required=False)

    def __init__(self, data, *, choices: dict[str, list[tuple[str, str]]]):
        """`choices`: the areas, hosts and programmes to offer (`filter_choices`)."""
        super().__init__(data)
        self.fields["kind"].choices = _any("Any type") + list(EventKind.choices)
        self.fields["time_of_day"].choices = _any("Any time") + list(TimeOfDay.choices)
        self.fields["area"].choices = _any("Anywhere") + choices["area"]
        self.fields["host"].choices = _any("Any host") + choices["host"]
        self.fields["programme"].choices = _any("Any programme") + choices["programme"]

    def filter(self, events):
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("kind"):
            events = events.of_kind(data["kind"])
        if data.get("area"):
            area = Area.objects.filter(pk=data["area"]).first()
            if area:
                events = events.in_area(area)
        if data.get("mode"):
            events = events.online(data["mode"] == "online")
        if data.get("time_of_day"):
            events = events.at_time_of_day(data["time_of_day"])
        if data.get("host"):
            events = events.filter(host_id=data["host"])
        if data.get("programme"):
            events = events.filter(programme_id=data["programme"])
        return events

    def month_start(self, zone) -> datetime.date:
        text = (self.data.get("month") or "").strip()
        try:
            year, month = (int(part) for part in text.split("-"))
            return datetime.date(year, month, 1)
        except ValueError:
            return timezone.localdate(timezone=zone).replace(day=1)

    @property
    def chosen_view(self):
        return "list" if self.data.get("view") == "list" else "month"


class RegistrationForm(forms.Form):
    access_needs = forms.CharField(
        label="Do you have any access needs? (optional)",
        help_text="For example step-free access, a hearing loop or captions. Only the organisers see this.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    hopes = forms.CharField(
        label="What do you hope to learn? (optional)",
        help_text="This helps the facilitator plan the session. Only the organisers see this.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EventForm(forms.Form):
    """Create or change an event. Dates and times are typed in the event's own time zone."""

    title = forms.CharField(max_length=200)
    kind = forms.ChoiceField(label="Type of event", choices=EventKind.choices)
    status = forms.ChoiceField(choices=EventStatus.choices, initial=EventStatus.PUBLISHED)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))
    programme = forms.ModelChoiceField(queryset=None, required=False)
    part = forms.ModelChoiceField(
        label="Curriculum part this event counts towards (optional)", queryset=None, required=False
    )
    required_part = forms.ModelChoiceField(
        label="Part people must complete before registering (optional)", queryset=None, required=False
    )
    series = forms.ModelChoiceField(
        label="Series (optional)",
        queryset=None,
        required=False,
        help_text="Sessions of a series are registered for together and share its places",
    )
    host = forms.ModelChoiceField(
        label="Host organisation (optional)", queryset=Organisation.objects.all(), required=False
    )
    date = forms.DateField(
        help_text="For example, 2027-03-17", widget=forms.DateInput(attrs={"type": "date"})
    )
    start_time = forms.TimeField(
        help_text="For example, 09:30", widget=forms.TimeInput(attrs={"type": "time"})
    )
    end_time = forms.TimeField(
        required=False,
        help_text="Leave blank for the usual length (90 minutes for a learning session)",
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    time_zone = forms.ChoiceField(choices=time_zone_choices, initial="Europe/London")
    online = forms.BooleanField(label="This event is online", required=False)
    joining_link = forms.URLField(
        assume_scheme="https",
        required=False,
        help_text="Shown only to people with a confirmed place, and in their reminders",
    )
    venue_name = forms.CharField(label="Venue (in person)", required=False, max_length=200)
    venue_address = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    area = forms.ModelChoiceField(
        label="Local area", queryset=Area.objects.places_people_work(), required=False
    )
    workplace_open_to_others = forms.BooleanField(
        label="Hosted at a workplace and open to people from other organisations", required=False
    )
    capacity = forms.IntegerField(label="Places", min_value=1, max_value=10000)
    registration_opens = forms.DateField(
        label="Registration opens on (optional)",
        required=False,
        help_text="Leave blank to take registrations as soon as the event is published",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    registration_closes = forms.DateField(
        label="Registration closes on (optional)",
        required=False,
        help_text="Leave blank to take registrations until the event starts",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reminder_days = forms.CharField(
        label="Send reminders this many days before",
        initial="7, 1",
        help_text="Whole days separated by commas, for example 7, 1. Leave blank for no reminders.",
        required=False,
    )

    def __init__(self, *args, programmes, parts, series, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        self.fields["series"].queryset = series
        self.fields["part"].queryset = parts
        self.fields["required_part"].queryset = parts

    @classmethod
    def initial_for(cls, event):
        zone = zoneinfo.ZoneInfo(event.time_zone)
        start, end = event.starts_at.astimezone(zone), event.ends_at.astimezone(zone)
        closes, opens = event.registration_closes_at, event.registration_opens_at
        return {
            **{name: getattr(event, name) for name in SIMPLE_FIELDS},
            "programme": event.programme_id,
            "part": event.part_id,
            "required_part": event.required_part_id,
            "host": event.host_id,
            "series": event.series_id,
            "area": event.area_id,
            "date": start.date(),
            "start_time": start.time(),
            "end_time": end.time(),
            "registration_opens": opens.astimezone(zone).date() if opens else None,
            "registration_closes": closes.astimezone(zone).date() if closes else None,
            "reminder_days": ", ".join(str(d) for d in event.reminder_days),
        }

    def clean_reminder_days(self):
        text = self.cleaned_data["reminder_days"].strip()
        if not text:
            return []
        try:
            days = sorted({int(part) for part in text.replace(" ", "").split(",") if part}, reverse=True)
        except ValueError:
            message = "Enter whole numbers of days separated by commas, like 7, 1"
            raise forms.ValidationError(message) from None
        if any(day < 1 or day > 60 for day in days):
            raise forms.ValidationError("Reminder days must be between 1 and 60")
        return days

    def clean(self):
        data = super().clean()
        if any(name in self.errors for name in ("date", "start_time", "time_zone", "end_time")):
            return data
        zone = zoneinfo.ZoneInfo(data["time_zone"])
        starts = datetime.datetime.combine(data["date"], data["start_time"], tzinfo=zone)
        if data.get("end_time"):
            ends = datetime.datetime.combine(data["date"], data["end_time"], tzinfo=zone)
            if ends <= starts:
                self.add_error("end_time", "End time must be after the start time")
        else:
            ends = starts + datetime.timedelta(minutes=DEFAULT_MINUTES.get(data.get("kind"), 120))
        if data.get("online") and not data.get("joining_link"):
            self.add_error("joining_link", "Enter the joining link for an online event")
        series = data.get("series")
        if (
            series
            and series.programme_id
            and data.get("programme")
            and series.programme_id != data["programme"].pk
        ):
            self.add_error("series", "Choose a series in the same programme as the event")
        if not data.get("online") and not data.get("area"):
            self.add_error("area", "Select the local area of an in-person event")
        closes = None
        if data.get("registration_closes"):
            closes = datetime.datetime.combine(
                data["registration_closes"], datetime.time(23, 59), tzinfo=zone
            )
            closes = min(closes, starts)
        opens = None
        if data.get("registration_opens"):
            opens = datetime.datetime.combine(data["registration_opens"], datetime.time(0, 0), tzinfo=zone)
            if opens >= (closes or starts):
                self.add_error("registration_opens", "Registration must open before it closes")
        data["starts_at"], data["ends_at"] = starts, ends
        data["registration_opens_at"], data["registration_closes_at"] = opens, closes
        return data

    def event_fields(self) -> dict:
        data = self.cleaned_data
        return {
            **{name: data[name] for name in SIMPLE_FIELDS},
            "programme": data["programme"],
            "part": data["part"],
            "required_part": data["required_part"],
            "host": data["host"],
            "series": data["series"],
            "area": data["area"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "registration_opens_at": data["registration_opens_at"],
            "registration_closes_at": data["registration_closes_at"],
            "reminder_days": data["reminder_days"],
        }


SIMPLE_FIELDS = [
    "title",
    "kind",
    "status",
    "description",
    "time_zone",
    "online",
    "joining_link",
    "venue_name",
    "venue_address",
    "workplace_open_to_others",
    "capacity",
]


class RegisterSomeoneForm(forms.Form):
    email = forms.EmailField(
        label="Email address of the person to register",
        help_text="They must already have an account in this programme",
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = people

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        person = self.people.filter(email__iexact=email).first()
        if person is None:
            raise forms.ValidationError("No one with that email address is in this event's programme")
        self.cleaned_data["person"] = person
        return email


class MoveForm(forms.Form):
    to_event = forms.ModelChoiceField(label="Move to", queryset=None, widget=forms.RadioSelect)

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_event"].queryset = events
        self.fields["to_event"].label_from_instance = lambda e: (
            f"{e.title}, {timezone.localtime(e.starts_at, zoneinfo.ZoneInfo(e.time_zone)):%a %-d %b %Y %H:%M}"
        )


class SeriesForm(forms.Form):
    """A series: sessions taken together, registered for as a whole and sharing its places."""

    title = forms.CharField(label="Title", max_length=200)
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    programme = forms.ModelChoiceField(label="Programme", queryset=Programme.objects.none())
    part = forms.ModelChoiceField(
        label="Curriculum part it counts towards",
        queryset=None,
        required=False,
        empty_label="None",
        help_text="Attending every session of the series completes this part",
    )
    capacity = forms.IntegerField(
        label="Places", min_value=1, max_value=10000, help_text="People who can take the whole series"
    )

    def __init__(self, *args, programmes, parts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        self.fields["part"].queryset = parts

    def clean(self):
        data = super().clean()
        part, programme = data.get("part"), data.get("programme")
        if part and programme and part.programme_id != programme.pk:
            self.add_error("part", "Choose a part of the same programme as the series")
        return data
