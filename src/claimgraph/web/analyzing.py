"""The Analyze form's input (a URL, pasted text or an uploaded page) through the one run loop.

One analysis at a time: the pipeline is shared and the work is CPU-bound anyway.
"""

from __future__ import annotations

import threading

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.ingest.urls import is_url
from claimgraph.model import Analysis, RawDocument
from claimgraph.api import analyze_many
from claimgraph.run import run
from claimgraph.settings import Settings

_lock = threading.Lock()


def analyze_input(
    settings: Settings, *, url: str = "", text: str = "", upload: bytes = b"",
    upload_name: str = "",
) -> Analysis:
    """The analysis of whichever input is given (exactly one); a ClaimgraphError says why not.

    A URL is fetched with the fetch settings, so private addresses stay refused unless the
    server was started with them allowed; a feed gives its first article.
    """
    given = [name for name, value in (("URL", url), ("text", text), ("file", upload)) if value]
    if len(given) != 1:
        raise InputError("give one of a URL, pasted text or an HTML file" if not given else
                         f"give only one input, not {' and '.join(given)}")
    errors: list[ClaimgraphError] = []
    with _lock:
        if url:
            url = url.strip()
            if not is_url(url):
                raise InputError("not an http(s) URL", url)
            results = run([url], settings, errors.append)
        else:
            raw = (RawDocument(source="pasted text", data=text.encode("utf-8")) if text else RawDocument(source=upload_name or "uploaded file", data=upload))
            results = analyze_many([raw], settings=settings, on_error=errors.append)
        analysis = next(results, None)
        results.close()
    if analysis is None:
        raise errors[0] if errors else InputError("no article found", url or "input")
    return analysis
