"""What every benchmark shares: its arguments, the data folder, the environment, the result file."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
# The evaluation data sits beside the project, never inside it.
DATA = REPO.parent / "shared" / "data"


def bench_arg_parser(doc: str | None, dataset: str, split: bool = False) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=(doc or "").strip().splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--data", type=Path, default=DATA / dataset,
        help=f"folder of the {dataset} data set (default: %(default)s)",
    )
    if split:
        parser.add_argument("--split", default="dev", help="which split to run (default: dev)")
    return parser


def load_jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        sys.exit(f"error: {path} not found: pass --data with the folder that holds it")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def environment(spacy_model: str | None = None) -> dict:
    """Where and with what a result was measured."""
    env = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "processor": platform.machine(),
                    "cpus": os.cpu_count()},
        "python": platform.python_version(),
        "versions": {name: _version(name) for name in ("claimgraph", "spacy", "trafilatura")},
    }
    if spacy_model:
        env["spacy_model"] = spacy_model
        env["versions"][spacy_model] = _version(spacy_model.replace("_", "-"))
    return env


def write_result(name: str, result: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(REPO)}")
    return path


def _version(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def status_mb(field: str, pid: int | str = "self") -> float | None:
    """A memory field of /proc/PID/status in MB ("VmRSS" now, "VmHWM" the peak since the
    process's exec); None when the process is gone or the system has no /proc."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return None
