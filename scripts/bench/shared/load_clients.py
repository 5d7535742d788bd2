"""Clients for the load benchmark: connections that follow a journey of requests, saturated or paced.

A journey is a generator of `Step`s; each step's response body is sent back into it, so a journey
can read a form's CSRF token before posting it. The client runs on the same cores as the server,
so its connections are spread over a few processes: one interpreter's lock shared by 32 threads
adds stalls of its own to the latencies it is meant to measure.
"""

import http.client
import multiprocessing
import os
import random
import re
import statistics
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

PROCESSES = int(os.environ.get("BENCH_LOAD_CLIENT_PROCESSES", "4"))
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass(frozen=True)
class Step:
    name: str
    method: str
    path: str
    form: dict | None = None
    expect: int = 200


@dataclass
class Plan:
    """How hard to push: `rate` requests/s over all connections on a timetable, or None for as fast
    as answers come back (saturated: requests/s is then the server's capacity)."""

    port: int
    connections: int
    seconds: float
    warm: float
    rate: float | None = None


@dataclass
class Tally:
    latencies: dict = field(default_factory=dict)  # step name -> [seconds]
    statuses: dict = field(default_factory=dict)  # step name -> {status: count}
    errors: dict = field(default_factory=dict)  # step name -> count of unexpected statuses

    def add(self, step, status, elapsed):
        self.latencies.setdefault(step.name, []).append(elapsed)
        counts = self.statuses.setdefault(step.name, {})
        counts[status] = counts.get(status, 0) + 1
        self.errors[step.name] = self.errors.get(step.name, 0) + (status != step.expect)

    def merge(self, other):
        for name, values in other.latencies.items():
            self.latencies.setdefault(name, []).extend(values)
        for name, counts in other.statuses.items():
            mine = self.statuses.setdefault(name, {})
            for status, count in counts.items():
                mine[status] = mine.get(status, 0) + count
        for name, count in other.errors.items():
            self.errors[name] = self.errors.get(name, 0) + count


def csrf_token(body):
    """The token a Django form page carries, for the POST that follows it."""
    found = CSRF_INPUT.search(body or b"")
    return found.group(1).decode() if found else ""


class Visitor:
    """One keep-alive connection with its own cookies, as one browser tab would have."""

    def __init__(self, port, headers, cookies):
        self.port, self.headers, self.cookies = port, headers, dict(cookies)
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def send(self, step):
        headers = dict(self.headers)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if step.form is not None:
            body = urlencode(step.form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{headers['Host']}"
        try:
            self.conn.request(step.method, step.path, body=body, headers=headers)
            response = self.conn.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            return 0, b""
        for value in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response.status, content

    def close(self):
        self.conn.close()


def _connection(plan, visitor, journey, tally, recording_from, recording_until, lock):
    interval = plan.connections / plan.rate if plan.rate else 0.0
    due = time.monotonic() + random.uniform(0, interval)  # noqa: S311 - spreads the connections
    mine = Tally()
    body = None
    step = next(journey)
    while True:
        if interval:
            time.sleep(max(0.0, due - time.monotonic()))
            started, due = due, due + interval
        else:
            started = time.monotonic()
        if started >= recording_until:
            break
        status, body = visitor.send(step)
        if started >= recording_from:
            mine.add(step, status, time.monotonic() - started)
        step = journey.send(body)
    visitor.close()
    with lock:
        tally.merge(mine)


def _process(plan, connections, recording_from, recording_until, results):
    """Runs some of the connections as threads; `connections` is [(headers, cookies, journey)]."""
    tally, lock = Tally(), threading.Lock()
    threads = [
        threading.Thread(
            target=_connection,
            args=(
                plan,
                Visitor(plan.port, headers, cookies),
                journey,
                tally,
                recording_from,
                recording_until,
                lock,
            ),
        )
        for headers, cookies, journey in connections
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put(tally)


def measure(plan, connection):
    """Run `plan.connections` connections, each `connection(index)` -> (headers, cookies, journey),
    for a warm-up and then `plan.seconds` counted; return the figures overall and per step."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    processes = max(1, min(PROCESSES, plan.connections))
    recording_from = time.monotonic() + 0.5 + plan.warm
    recording_until = recording_from + plan.seconds
    workers = [
        context.Process(
            target=_process,
            args=(
                plan,
                [connection(i) for i in range(plan.connections) if i % processes == p],
                recording_from,
                recording_until,
                results,
            ),
        )
        for p in range(processes)
    ]
    for worker in workers:
        worker.start()
    tally = Tally()
    for _ in workers:
        tally.merge(results.get())
    for worker in workers:
        worker.join()
    overall = [value for values in tally.latencies.values() for value in values]
    figures = _figures(overall, plan.seconds)
    figures["errors"] = sum(tally.errors.values())
    figures["statuses"] = _sum_statuses(tally.statuses.values())
    figures["steps"] = {
        name: {
            **_figures(values, plan.seconds),
            "errors": tally.errors.get(name, 0),
            "statuses": tally.statuses.get(name, {}),
        }
        for name, values in tally.latencies.items()
    }
    return figures


def _sum_statuses(many):
    total = {}
    for counts in many:
        for status, count in counts.items():
            total[status] = total.get(status, 0) + count
    return total


def _figures(latencies, seconds):
    ordered = sorted(latencies)

    def pct(p):
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000 if ordered else float("nan")

    return {
        "requests": len(ordered),
        "rps": len(ordered) / seconds,
        "p50": pct(50),
        "p95": pct(95),
        "p99": pct(99),
        "max": ordered[-1] * 1000 if ordered else float("nan"),
        "mean": statistics.fmean(ordered) * 1000 if ordered else float("nan"),
    }
