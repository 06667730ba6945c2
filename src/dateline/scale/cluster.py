"""The Dask distributed path of `dateline batch`: shards as tasks on a cluster, one model per worker.

Imported only when a scheduler is given, so that Dask stays an optional extra
(`pip install "dateline[scale]"`, which brings `dask[distributed]`). The task is given by the caller
(`dateline.scale.batch` passes `code_shard`), so this module knows nothing of what a shard's result is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from distributed import Client, WorkerPlugin, as_completed

from dateline.settings import Settings

Result = TypeVar("Result")


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy model into each worker process's cache when the worker joins."""

    name = "dateline-model"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: object) -> None:
        from dateline.scale.workers import warm_model

        warm_model(self.model)


def run_on_cluster(
    task: Callable[[Path, Path, Settings], Result],
    shards: Sequence[Path],
    output_dir: Path,
    *,
    settings: Settings,
    scheduler: str | Client,
) -> Iterator[tuple[Path, Result | Exception]]:
    """Run `task(shard, output_dir, settings)` for each shard on the cluster at `scheduler`.

    Yields (shard, what the task returned) as each task ends, or (shard, the exception) for a task that
    raised, so that one bad shard is reported and the others go on.
    scheduler: a scheduler address ("tcp://host:8786") or a connected `distributed.Client`.
    """
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        client.register_plugin(ModelPlugin(settings.model), name=ModelPlugin.name)
        futures = {client.submit(task, shard, output_dir, settings, pure=False): shard for shard in shards}
        for future in as_completed(futures):
            try:
                yield futures[future], future.result()
            except Exception as e:  # one bad shard is reported, the others go on
                yield futures[future], e
    finally:
        if client is not scheduler:
            client.close()
