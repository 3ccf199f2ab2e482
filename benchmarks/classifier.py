"""Load time, memory and reading speed of the learned event classifier (the shipped model file).

Not a test: a measurement. Run from the repository root::

    python benchmarks/classifier.py [--model PATH] [--notes 502] [--json out.json]

Printed: the model file's size; loading it (``cronica.nlp.event_classifier.load_model``) in CPU and
wall seconds, the first load and the best of five; memory: the arrays kept (``nbytes``), the
tracemalloc peak and what stays allocated after loading, and the process's resident size before and
after the first load; reading: texts per second for the ACLED notes of ``benchmarks/scale.py`` one
text at a time (``predict``) and in one batch (``predict_many``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))


def rss_mib() -> float:
    """The resident size of this process now (Linux ``/proc``), in MiB."""
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="a model file (default: the one shipped in the package)")
    parser.add_argument("--notes", type=int, default=502)
    parser.add_argument(
        "--dev-data",
        default=os.environ.get("CRONICA_DEV_DATA", str(REPO.parent / "shared" / "data" / "dev")),
    )
    parser.add_argument("--json", help="also write the results as JSON")
    args = parser.parse_args()

    import numpy as np

    from cronica.nlp.event_classifier import default_model_path, load_model

    path = args.model or default_model_path()
    out: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()} {os.cpu_count()} cpus",
        "load_before": os.getloadavg(),
        "model": path,
        "file_mib": round(os.path.getsize(path) / 2**20, 2),
    }
    rss_before = rss_mib()
    cpu, wall = time.process_time(), time.perf_counter()
    model = load_model(path)
    out["first_load_cpu_s"] = round(time.process_time() - cpu, 3)
    out["first_load_wall_s"] = round(time.perf_counter() - wall, 3)
    out["rss_before_mib"] = round(rss_before, 1)
    out["rss_after_mib"] = round(rss_mib(), 1)
    arrays = [model.buckets, model.idf, model._weights, model._intercepts]
    out["arrays_mib"] = round(sum(a.nbytes for a in arrays) / 2**20, 1)
    out["buckets"] = len(model.buckets)
    out["heads"] = {name: len(h.classes) for name, h in model.heads.items()}
    del model
    timings = []
    for _ in range(5):
        cpu, wall = time.process_time(), time.perf_counter()
        load_model(path)
        timings.append((time.process_time() - cpu, time.perf_counter() - wall))
    out["best_load_cpu_s"] = round(min(t[0] for t in timings), 3)
    out["best_load_wall_s"] = round(min(t[1] for t in timings), 3)
    tracemalloc.start()
    model = load_model(path)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    out["tracemalloc_peak_mib"] = round(peak / 2**20, 1)
    out["tracemalloc_kept_mib"] = round(current / 2**20, 1)

    from scale import acled_notes

    texts = [t for _, t in acled_notes(Path(args.dev_data), args.notes)]
    model.predict_many(texts[:8])  # warm-up
    cpu = time.process_time()
    one = [model.predict(t) for t in texts]
    one_s = time.process_time() - cpu
    cpu = time.process_time()
    many = model.predict_many(texts)
    many_s = time.process_time() - cpu
    assert one == many
    out["texts"] = len(texts)
    out["one_at_a_time_texts_per_cpu_s"] = round(len(texts) / one_s)
    out["batch_texts_per_cpu_s"] = round(len(texts) / many_s)
    out["numpy"] = np.__version__
    out["load_after"] = os.getloadavg()
    print(json.dumps(out, indent=1))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
