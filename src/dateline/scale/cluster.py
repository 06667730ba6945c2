"""The Dask distributed path of `dateline batch`: shards as tasks on a cluster, one model per worker.

Imported only when a scheduler is given, so that Dask stays an optional extra
(`pip install "dateline[scale]"`, which brings `dask[distributed]`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from distributed import Client, WorkerPlugin, as_completed

from dateline.settings import Settings


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy model into each worker process's cache when the worker joins."""

    name = "dateline-model"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: object) -> None:
        from dateline.scale.workers import warm_model

        warm_model(self.model)


def run_on_cluster(
    shards: Sequence[Path], output_dir: Path, *, settings: Settings, scheduler: str | Client
) -> Iterator[object]:
    """Run `code_shard` for each shard on the cluster at `scheduler`; yields each `ShardResult` as it ends.

    scheduler: a scheduler address ("tcp://host:8786") or a connected `distributed.Client`.
    A shard whose task raises comes back as a ShardResult with `error` set; the others go on.
    """
    from dateline.scale.batch import ShardResult, code_shard

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        client.register_plugin(ModelPlugin(settings.model), name=ModelPlugin.name)
        futures = {
            client.submit(code_shard, shard, output_dir, settings, pure=False): shard for shard in shards
        }
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as e:  # one bad shard is reported, the others go on
                yield ShardResult.failed(futures[future], e)
    finally:
        if client is not scheduler:
            client.close()
