"""Where the work runs: a LocalCluster of worker processes on this machine, or an existing
Dask cluster named by its scheduler's address. Every worker loads the spaCy pipeline once."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterator
from contextlib import contextmanager

import dask
from distributed import Client, LocalCluster

from claimgraph.batch.tasks import LoadPipeline, pipeline_problem
from claimgraph.errors import ConfigError
from claimgraph.settings import Settings

log = logging.getLogger(__name__)

# Seconds to wait for an existing scheduler to answer.
CONNECT_TIMEOUT = 10
# Seconds for local workers to join their scheduler.
WORKER_START_TIMEOUT = 120
DASHBOARD = ":8787"  # Dask's usual port; another free one is taken when it is busy
# Dask starts workers with glibc's MALLOC_TRIM_THRESHOLD_ at 64 KiB, so that freed memory goes
# back to the system at once; spaCy allocates and frees so much per document that the worker
# then takes ~12x the page faults and ~10 % more CPU than one plain process. Workers keep the
# allocator's default, as the plain process does: memory stays flat (spaCy memory zones).
# Dask's statistical profiler keeps a call tree of each second of work, the last 1,000 of
# them: memory that grows for the first 17 minutes of a run. Workers here run one kind of
# task, so it would tell little.
WORKER_ENV = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
              "distributed.worker.profile.enabled": False}


@contextmanager
def connect(
    settings: Settings, *, workers: int | None = None, scheduler: str | None = None,
) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of ``workers`` local worker processes
    (one thread each: spaCy parsing holds the GIL), closed on exit."""
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as err:
            raise ConfigError(f"cannot reach the Dask scheduler ({err})", scheduler) from None
    else:
        with dask.config.set(WORKER_ENV):
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                # Without bokeh there is no dashboard, only a page saying so: any free port.
                dashboard_address=DASHBOARD if _has_dashboard() else ":0",
            )
        client = Client(cluster)
    try:
        if cluster is not None and workers:
            # the cluster returns when its processes run, a worker may join the scheduler later
            try:
                client.wait_for_workers(workers, timeout=WORKER_START_TIMEOUT)
            except TimeoutError:
                raise ConfigError(f"only {len(client.nthreads())} of {workers} Dask workers "
                                  f"started within {WORKER_START_TIMEOUT} s") from None
        client.register_plugin(LoadPipeline(settings.spacy_model), name="claimgraph-pipeline")
        problems = client.run(pipeline_problem, settings.spacy_model).values()
        if problem := next((p for p in problems if p), None):
            raise ConfigError(f"on the workers: {problem}")
        log.info("cluster of %d workers at %s", len(client.nthreads()), client.scheduler.address)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def dashboard(client: Client) -> str | None:
    """The address of the cluster's dashboard, when bokeh is installed (on a cluster of
    one's own, as it is here) to draw it."""
    return client.dashboard_link if _has_dashboard() else None


def _has_dashboard() -> bool:
    return importlib.util.find_spec("bokeh") is not None
