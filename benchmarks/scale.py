"""Throughput of cronica against bare spaCy, with worker processes and on a Dask LocalCluster.

Not a test: a measurement. Run from the repository root::

    python benchmarks/scale.py [--notes 502] [--articles 100] [--workers 2] [--json out.json]
    python benchmarks/scale.py --single-only --repeat 3    # one process only, fastest of 3 passes
    CRONICA_TYPER=rules python benchmarks/scale.py --single-only --repeat 3   # without the classifier

Corpora: short notes (ACLED's own ``notes`` summaries from the dev acled-train CSVs, every 25th row,
the kind of text ``cronica eval`` sees from ACLED) and long articles (IndiaPoliceEvents ``docs.jsonl``).
Printed for each, after a warm-up pass:

- bare ``nlp.pipe`` vs ``Pipeline.extract_documents`` on the same texts and model, one process, batch
  64 (the bare pass with the model's own components: spaCy's attribute ruler and lemmatizer, where
  cronica's pipeline runs :mod:`cronica.nlp.token_attributes` in their place; it keeps cronica's
  paragraph-break component, 0.2% of it): CPU seconds (``time.process_time``, less sensitive to
  other load on the machine) and wall seconds; ratio = spaCy seconds / cronica seconds (goal >= 0.8
  on short notes);
- ``Runner`` with ``--workers`` processes vs one process: wall seconds of the run with the workers
  started (their start, model loading included, timed apart), the CPU-based speedup (``n`` x one
  process's CPU seconds / all processes' CPU seconds, start included: what ``n`` idle cores give),
  and the workers' peak RSS (``getrusage`` of the children);
- ``extract_corpus`` on a Dask ``LocalCluster`` of ``--workers`` processes vs one process, the same
  figures (cluster start and model loading in the workers not counted), each Dask worker's peak RSS,
  and the busiest worker's CPU seconds (what the partitions' balance allows on idle cores). Partitions
  as ``extract_corpus`` cuts them (by size, for the cluster's worker threads); ``--dask-four-a-worker``
  cuts four partitions of as many documents a worker, as before 2026-12-08.

A larger corpus of distinct notes: ``--notes 3300 --note-stride 4 --distinct --articles 0`` (3,194
notes, 621,000 characters; ``--skip-single`` leaves out the spaCy-alone comparison).

Every timed run is as on texts not read before by the classifier (its judgements kept per text
emptied) and with the caches of names and words warm (every process has read the corpus once: the
forked workers inherit this process's, the Dask workers read it once untimed). Before 2026-12-06 the
process runner's forked workers inherited every judgement and the Dask workers started cold, which
flattered the one and penalised the other (docs/performance.md, eighth session).

Other processes on a shared machine slow the parallel runs most: the load average is printed with
the results.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def acled_notes(dev: Path, n: int, stride: int = 25, distinct: bool = False) -> list[tuple[str, str]]:
    """Every ``stride``-th row's notes, ``n`` at most; with ``distinct`` a text met before is left out
    (the default corpus, every 25th row, has one note twice and is kept as it was measured)."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    if n <= 0:
        return out
    for path in sorted((dev / "acled-train").glob("*.csv")):
        with open(path, encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                if i % stride == 0 and row["notes"].strip() and not (distinct and row["notes"] in seen):
                    out.append((row["event_id_cnty"], row["notes"]))
                    seen.add(row["notes"])
                if len(out) >= n:
                    return out
    return out


def articles(dev: Path, n: int) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if n <= 0:
        return out
    with open(dev / "india-police-events-half" / "docs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out.append((str(d["doc_id"]), d["doc_text"]))
            if len(out) >= n:
                break
    return out


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(CPU seconds of this process, wall seconds) of one call."""
    cpu, wall = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - cpu, time.perf_counter() - wall


def single(texts: list[tuple[str, str]], repeat: int = 1) -> dict[str, Any]:
    """spaCy alone vs cronica, one process; with ``repeat`` > 1 the two passes alternate that many
    times and the fastest of each counts (other load on a shared machine only ever slows a pass).

    Before each cronica pass the classifier's judgements kept per text are emptied
    (``LearnedTyper.forget``): a corpus does not repeat its texts, and a second pass that found every
    judgement kept skipped the classifier (figures before 2026-12-06 05:30 UTC were taken so, about 0.4
    CPU s faster on the 502 notes). Caches keyed by names and words (the gazetteer's, the spelling
    keys) stay warm from one pass to the next, as they do through a long corpus; ``cronica_first_cpu_s``
    is the first pass, with them cold (after the warm-up on 16 documents)."""
    from cronica.ingest import document_from_text
    from cronica.parallel import PipelineSpec, pipeline_for

    pipeline = pipeline_for(PipelineSpec())
    nlp = pipeline.nlp
    docs = [document_from_text(t, id=i) for i, t in texts]
    list(pipeline.extract_documents(docs[:16], batch_size=16))  # warm-up
    with _spacy_components(nlp):
        list(nlp.pipe((d.text for d in docs[:16]), batch_size=16))
    passes = []
    for _ in range(repeat):
        with _spacy_components(nlp):
            spacy_pass = timed(lambda: list(nlp.pipe((d.text for d in docs), batch_size=64)))
        _forget()
        passes.append((spacy_pass, timed(lambda: list(pipeline.extract_documents(docs, batch_size=64)))))
    spacy_cpu, spacy_wall = min(p[0][0] for p in passes), min(p[0][1] for p in passes)
    cronica_cpu, cronica_wall = min(p[1][0] for p in passes), min(p[1][1] for p in passes)
    return {
        "docs": len(docs),
        "words": sum(len(d.text.split()) for d in docs),
        "spacy_cpu_s": round(spacy_cpu, 2),
        "cronica_cpu_s": round(cronica_cpu, 2),
        "cronica_first_cpu_s": round(passes[0][1][0], 2),
        "ratio_cpu": round(spacy_cpu / cronica_cpu, 3),
        "spacy_wall_s": round(spacy_wall, 2),
        "cronica_wall_s": round(cronica_wall, 2),
        "ratio_wall": round(spacy_wall / cronica_wall, 3),
        "passes": repeat,
    }


def _spacy_components(nlp: Any) -> Any:
    """The bare pass runs the model's own components: where cronica stands for its attribute ruler and
    lemmatizer (:mod:`cronica.nlp.token_attributes`), they are put back for it."""
    try:
        from cronica.nlp.token_attributes import spacy_components
    except ImportError:  # a cronica before 2026-12-07
        import contextlib

        return contextlib.nullcontext()
    return spacy_components(nlp)


def _rusage_cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def workers(texts: list[tuple[str, str]], n: int) -> dict[str, Any]:
    """One process vs ``n`` worker processes: wall seconds (including the workers' start and model
    loading) and CPU seconds of every process (this one's and the workers')."""
    from cronica.ingest import document_from_text
    from cronica.parallel import PipelineSpec, Runner

    docs = [document_from_text(t, id=i) for i, t in texts]
    with Runner(PipelineSpec(), 1) as one:
        list(one.run(docs[:16]))
        _forget()
        one_cpu, one_wall = timed(lambda: list(one.run(docs)))
    _forget()  # the workers are forked from this process: they start with what it keeps
    # the workers' start (fork, model loading) is timed apart: it is paid once a run, whatever its size
    children_before = _rusage_cpu(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    many = Runner(PipelineSpec(), n).start()
    start_wall = time.perf_counter() - began
    cpu, began = time.process_time(), time.perf_counter()
    list(many.run(docs))
    many_wall = time.perf_counter() - began
    many.close()
    many_cpu = time.process_time() - cpu + _rusage_cpu(resource.RUSAGE_CHILDREN) - children_before
    return {
        "workers": n,
        "one_wall_s": round(one_wall, 2),
        "one_cpu_s": round(one_cpu, 2),
        "start_wall_s": round(start_wall, 2),
        "workers_wall_s": round(many_wall, 2),
        "workers_cpu_s_with_start": round(many_cpu, 2),
        "speedup_wall": round(one_wall / many_wall, 3),
        "speedup_wall_with_start": round(one_wall / (many_wall + start_wall), 3),
        # what n idle cores would give if the CPU work spreads evenly: n x (one's CPU / all CPU),
        # the workers' model loading included
        "speedup_cpu_with_start": round(n * one_cpu / many_cpu, 3),
        "worker_peak_rss_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }


def _warm_worker() -> None:
    from cronica.parallel import PipelineSpec, pipeline_for

    pipeline_for(PipelineSpec())


def _forget() -> None:
    """Empty the classifier's judgements kept per text in this process's pipeline (every run is timed
    as on texts not read before; the caches keyed by names and words stay warm)."""
    from cronica.parallel import PipelineSpec, pipeline_for

    typer = getattr(pipeline_for(PipelineSpec()), "_typer", None)
    if hasattr(typer, "forget"):
        typer.forget()
    elif isinstance(getattr(typer, "_seen", None), dict):  # a cronica before LearnedTyper.forget
        typer._seen.clear()


def dask(
    texts: list[tuple[str, str]], n: int, one_wall: float, one_cpu: float, four_a_worker: bool = False
) -> dict[str, Any]:
    """``extract_corpus`` on a LocalCluster of ``n`` processes: wall and CPU seconds of the workers and
    this process (cluster start and the workers' model loading not counted, as for the process runner).
    Partitions as ``extract_corpus`` cuts them for ``n`` worker threads; with ``four_a_worker`` as the
    benchmark cut them before 2026-12-08 (four partitions of as many documents a worker, at least 16)."""
    from cronica.parallel.cluster import (
        close,
        connect,
        extract_corpus,
        extract_partition,
        partitions,
    )
    from cronica.parallel.pool import PipelineSpec

    def worker_cpu() -> float:
        return _rusage_cpu(resource.RUSAGE_SELF)

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp, "corpus.jsonl")
        with open(corpus, "w", encoding="utf-8") as fh:
            for i, t in texts:
                fh.write(json.dumps({"id": i, "text": t}) + "\n")
        # four partitions a worker, the last not a stub, cut by documents only (before 2026-12-08), or
        # extract_corpus's own
        per_part = max(16, -(-len(texts) // (4 * n))) if four_a_worker else None
        cut: dict[str, Any] = {"max_bytes": 2**62, "min_bytes": 2**62} if four_a_worker else {}
        # the same job (read the partitions, extract, write the parts) in this one process
        _warm_worker()
        spec, parts = PipelineSpec(), partitions([str(corpus)], per_part, slots=n, **cut)
        os.makedirs(Path(tmp, "one"))
        _forget()
        same_cpu, same_wall = timed(
            lambda: [extract_partition(k, p, spec, str(Path(tmp, "one"))) for k, p in enumerate(parts)]
        )
        client = connect("local", n)
        try:
            client.run(_warm_worker)  # load the pipeline in each worker first, as the process runner does
            # and read the corpus once, untimed: this process and the forked workers of the process
            # runner have read it before they are timed (caches of names and words warm), so the Dask
            # workers do too; then, as for them, the classifier's judgements kept per text are emptied
            extract_corpus(client, [str(corpus)], str(Path(tmp, "warm")), documents=per_part, **cut)
            client.run(_forget)
            before = client.run(worker_cpu)
            cpu, began = time.process_time(), time.perf_counter()
            extract_corpus(client, [str(corpus)], str(Path(tmp, "out")), documents=per_part, **cut)
            wall = time.perf_counter() - began
            client_cpu = time.process_time() - cpu
            after = client.run(worker_cpu)
            rss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        finally:
            close(client)
    total_cpu = client_cpu + sum(after[w] - before[w] for w in after)
    busiest = max(after[w] - before[w] for w in after)
    return {
        "workers": n,
        "partitions": len(parts),
        "dask_wall_s": round(wall, 2),
        "dask_cpu_s": round(total_cpu, 2),
        # against the runner's one process (extraction only) ...
        "speedup_wall": round(one_wall / wall, 3),
        "speedup_cpu": round(n * one_cpu / total_cpu, 3),
        # the busiest worker's CPU seconds bound the run's wall time from below on idle cores: against
        # one process's, what the partitions' balance allows (less sensitive to other load than wall)
        "busiest_worker_cpu_s": round(busiest, 2),
        "speedup_busiest_cpu": round(one_cpu / busiest, 3),
        # ... and against one process doing the same job (reading partitions, writing the parts)
        "same_job_one_wall_s": round(same_wall, 2),
        "same_job_speedup_wall": round(same_wall / wall, 3),
        "same_job_speedup_cpu": round(n * same_cpu / total_cpu, 3),
        "worker_peak_rss_mib": [round(v, 1) for v in rss.values()],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=502)
    parser.add_argument("--note-stride", type=int, default=25, help="notes: every N-th row of acled-train")
    parser.add_argument("--distinct", action="store_true", help="notes: leave out a text met before")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument(
        "--dask-four-a-worker",
        action="store_true",
        help="Dask: four partitions of as many documents a worker (the benchmark before 2026-12-08)",
    )
    parser.add_argument("--single-only", action="store_true", help="one process only: no workers, no Dask")
    parser.add_argument("--skip-single", action="store_true", help="no spaCy-alone comparison")
    parser.add_argument("--repeat", type=int, default=1, help="single process: fastest of this many passes")
    parser.add_argument(
        "--dev-data",
        default=os.environ.get("CRONICA_DEV_DATA", str(REPO.parent / "shared" / "data" / "dev")),
    )
    parser.add_argument("--json", help="also write the results as JSON")
    args = parser.parse_args()
    dev = Path(args.dev_data)
    corpora = {
        "notes": acled_notes(dev, args.notes, args.note_stride, args.distinct),
        "articles": articles(dev, args.articles),
    }
    corpora = {name: texts for name, texts in corpora.items() if texts}  # --articles 0: none at all
    info: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()} {os.cpu_count()} cpus",
        "load_before": os.getloadavg(),
    }
    results: dict[str, Any] = {}
    for name, texts in corpora.items():
        results[name] = {} if args.skip_single else {"single": single(texts, args.repeat)}
        print(name, "single", results[name].get("single"), flush=True)
    for name, texts in corpora.items():
        if args.single_only:
            break
        results[name]["workers"] = workers(texts, args.workers)
        print(name, "workers", results[name]["workers"], flush=True)
        if not args.skip_dask:
            one = results[name]["workers"]
            results[name]["dask"] = dask(
                texts, args.workers, one["one_wall_s"], one["one_cpu_s"], args.dask_four_a_worker
            )
            print(name, "dask", results[name]["dask"], flush=True)
    info["load_after"] = os.getloadavg()
    print(info)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({**info, **results}, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
