"""Running the pipeline over corpora: worker processes on one machine, Dask beyond it.

:class:`Runner` (``pool``) streams documents through ``--workers N`` processes and returns each
outcome in input order; the Dask runner (``dask``, optional extra ``cronica[dask]``) maps the same
per-chunk function over the partitions of a JSON Lines or Parquet corpus. Both build the
:class:`~cronica.pipeline.Pipeline` once per worker from a :class:`PipelineSpec` and know nothing of
what the extractor does inside. The CLI commands ``extract``, ``ingest`` and ``eval`` are thin layers
over them.
"""

from cronica.parallel.cluster import open_runner  # noqa: E402 - after pool, which it builds on
from cronica.parallel.pool import (
    Outcome,
    PipelineSpec,
    Runner,
    default_workers,
    extract_chunk,
    pipeline_for,
    workers_for,
)

__all__ = [
    "open_runner",
    "Outcome",
    "PipelineSpec",
    "Runner",
    "default_workers",
    "extract_chunk",
    "pipeline_for",
    "workers_for",
]
