"""The writing side of an ingest, in a process of its own.

Saving an analysis and linking it are Python work: in a thread of the analysing process they
hold the interpreter lock against spaCy's, and every article costs their time on top of its
analysis. Here a child process (``python -m claimgraph.writer``, which never loads spaCy)
saves each analysis as the run hands it over and links it at once (``persist.LinkAhead``,
which writes the links every 500 articles and when the run ends), on another core while the
next articles are analyzed.

The protocol, over the child's standard streams: the run sends frames (a 4-byte big-endian
length, then the bytes): first the settings as JSON, then each Analysis as JSON, then an empty
frame for "the run is over, link". The child answers one JSON line per analysis, in order
(``saved``, or ``refused`` for an article the database refused), then ``linked``; or
``stopped`` when the store fails, after which it ends. When the run's end of the pipe closes
without the empty frame (the run was stopped or killed), the child saves what it was sent and
ends without linking: every article it saved is whole, and the next ingest links it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import queue
import signal
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import claimgraph
from claimgraph.errors import InputError, StoreError
from claimgraph.link.persist import LinkAhead, LinkRun
from claimgraph.model import Analysis
from claimgraph.settings import Settings
from claimgraph.store import Saved, Store

Answer = Saved | InputError


class Writer:
    """Save and link analyses in a child process: ``send`` each analysis, take the answers
    in order with ``answer``, and ``finish`` to link. Raises StoreError when the child stops."""

    def __init__(self, settings: Settings) -> None:
        # The child imports this very claimgraph, wherever it was imported from.
        package_root = str(Path(claimgraph.__file__).resolve().parent.parent)
        path = os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
        self._process = subprocess.Popen(
            [sys.executable, "-m", "claimgraph.writer"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": path})
        self._answers: queue.Queue = queue.Queue()
        self._frames: queue.Queue = queue.Queue()
        self._sent: deque[Analysis] = deque()  # sent and not answered yet, oldest first
        # Writing to the pipe blocks while the child is busy, and reading blocks until it
        # answers: two threads do both (waiting, they hold no lock), never the run itself.
        self._threads = [threading.Thread(target=self._send_frames, daemon=True),
                         threading.Thread(target=self._read_answers, daemon=True)]
        for thread in self._threads:
            thread.start()
        self._frames.put(settings.model_dump_json(exclude={"token"}).encode())

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def in_flight(self) -> int:
        return len(self._sent)

    def send(self, analysis: Analysis) -> None:
        self._frames.put(analysis.model_dump_json().encode())
        self._sent.append(analysis)

    def answer(self, block: bool = True) -> tuple[Analysis, Answer] | None:
        """The oldest analysis sent and not answered, with its answer (None if there is none,
        or if ``block`` is false and it is not ready)."""
        if not self._sent:
            return None
        try:
            kind, value = self._answers.get(block=block)
        except queue.Empty:
            return None
        if kind == "saved":
            return self._sent.popleft(), Saved(**value)
        if kind == "refused":
            return self._sent.popleft(), InputError(*value)
        self._sent.clear()
        raise StoreError(*value)

    def drain(self) -> Iterator[tuple[Analysis, Answer]]:
        """Every analysis sent and not answered yet, with its answer, as each comes (when a
        run stops, the writer still saves what it was sent)."""
        while self._sent:
            yield self.answer()

    def finish(self) -> LinkRun:
        """Link what was saved; the LinkRun. Answers not taken yet are passed over."""
        self._frames.put(b"")
        kind, value = self._answers.get()
        while kind in ("saved", "refused"):
            kind, value = self._answers.get()
        self._sent.clear()
        if kind != "linked":
            raise StoreError(*value)
        return LinkRun(**value)

    def close(self) -> None:
        """End the child: after the analyses sent are saved (without linking them unless
        ``finish`` did)."""
        self._frames.put(None)
        for thread in self._threads:
            thread.join()
        self._process.wait()

    def _send_frames(self) -> None:
        pipe: BinaryIO = self._process.stdin
        try:
            while (frame := self._frames.get()) is not None:
                pipe.write(len(frame).to_bytes(4, "big") + frame)
                pipe.flush()
        except (BrokenPipeError, OSError):
            pass  # the child ended; the reader reports why
        finally:
            try:
                pipe.close()
            except OSError:
                pass

    def _read_answers(self) -> None:
        for line in self._process.stdout:
            self._answers.put(tuple(json.loads(line)))
        code = self._process.wait()
        self._answers.put(("stopped", [f"the writing process ended unexpectedly (exit code "
                                       f"{code}); what it saved is kept: run again to go on"]))


def _serve(frames: BinaryIO, answers: BinaryIO) -> None:
    def answer(kind: str, value) -> None:
        answers.write(json.dumps([kind, value]).encode() + b"\n")
        answers.flush()

    settings = Settings.model_validate_json(_frame(frames) or b"{}")
    try:
        with Store(settings.database_url, settings=settings) as store:
            ahead = LinkAhead(store)
            while (frame := _frame(frames)) is not None:
                if not frame:
                    answer("linked", dataclasses.asdict(ahead.finish()))
                    break
                analysis = Analysis.model_validate_json(frame)
                try:
                    saved = store.save(analysis)
                except InputError as error:
                    answer("refused", [error.reason, error.item])
                    continue
                answer("saved", dataclasses.asdict(saved))
                ahead.add(saved)
    except StoreError as error:
        answer("stopped", [error.reason, error.item])


def _frame(stream: BinaryIO) -> bytes | None:
    """The next frame, or None when the stream ends."""
    head = stream.read(4)
    if len(head) < 4:
        return None
    size = int.from_bytes(head, "big")
    body = stream.read(size)
    return body if len(body) == size else None


if __name__ == "__main__":
    # Ctrl-C reaches the whole process group: the run decides, and closes the pipe.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # nothing else may write into the answers
    _serve(sys.stdin.buffer, answers)
    # Everything is written and answered: tearing the linker's objects down would only delay
    # the end of the run, which waits for this process.
    answers.close()
    os._exit(0)
