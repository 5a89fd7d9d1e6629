"""Scale-out: the run loop of run.py on a Dask cluster (local worker processes or an existing
cluster), partitioned without reading the sources on the client, results in input order.

    from claimgraph.batch import connect, run_on_cluster

    with connect(settings, workers=4) as client:
        for analysis in run_on_cluster(client, ["dump.jsonl"], settings, print):
            ...
"""

from claimgraph.batch.cluster import connect, dashboard
from claimgraph.batch.runner import RunStats, run_on_cluster

__all__ = ["RunStats", "connect", "dashboard", "run_on_cluster"]
