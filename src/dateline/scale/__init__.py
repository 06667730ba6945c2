"""Scale-out: code on every core of one machine, or shards on a Dask cluster, Parquet out.

- `code_parallel(documents, settings=..., workers=N)`: like `dateline.coding.code_documents`, on N
  worker processes that each load the model once; results in input order (`dateline.scale.workers`).
- `run_batch(inputs, output_dir, workers=N | scheduler=ADDRESS)`, `code_shard()`, `compact()`: shards in,
  Parquet partitioned by event date out, resumable (`dateline.scale.batch`; Dask in `dateline.scale.cluster`).
"""

from __future__ import annotations

from dateline.scale.batch import CompactResult, ShardResult, code_shard, compact, list_shards, run_batch
from dateline.scale.workers import code_parallel, default_workers

__all__ = [
    "CompactResult",
    "ShardResult",
    "code_parallel",
    "code_shard",
    "compact",
    "default_workers",
    "list_shards",
    "run_batch",
]
