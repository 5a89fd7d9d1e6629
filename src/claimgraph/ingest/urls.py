"""URLs fetched with httpx: timeouts, a size cap, capped redirects, per-host politeness, and the
address guard on every connection."""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import httpcore
import httpx

from claimgraph.errors import ClaimgraphError, FetchError
from claimgraph.ingest.guard import AddressGuard, GuardedBackend
from claimgraph.ingest.limits import too_large
from claimgraph.model import RawDocument
from claimgraph.settings import Settings

log = logging.getLogger(__name__)

# Only what _decoder undoes.
_ACCEPT_ENCODING = "gzip, deflate"
_REDIRECTS = {301, 302, 303, 307, 308}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
# What is read: HTML and text, feeds (RSS, Atom, XML), and responses without a type (sniffed).
# Anything else (JSON, PDF, images, octet-stream, ...) is refused with the type it had.
_READABLE = re.compile(r"text/.*|application/(?:xhtml\+xml|(?:rss|atom|rdf)\+xml|xml)|")

# httpcore's failures, most specific first, as the reasons a user reads.
_FAILURES: tuple[tuple[type[Exception], str], ...] = (
    (httpcore.ConnectTimeout, "timed out connecting"),
    (httpcore.ReadTimeout, "timed out waiting for the server"),
    (httpcore.WriteTimeout, "timed out sending the request"),
    (httpcore.PoolTimeout, "timed out waiting for a free connection"),
    (httpcore.ConnectError, "cannot connect"),
    (httpcore.RemoteProtocolError, "the server broke the HTTP protocol"),
    (httpcore.ReadError, "the connection broke while reading"),
    (httpcore.WriteError, "the connection broke while sending"),
    (httpcore.UnsupportedProtocol, "unsupported protocol"),
    (httpcore.ProtocolError, "HTTP protocol error"),
    (httpcore.NetworkError, "network error"),
)


def is_url(spec: str) -> bool:
    return "://" in spec and spec.split("://", 1)[0].isalpha()


@contextmanager
def _as_fetch_errors() -> Iterator[None]:
    try:
        yield
    except tuple(cls for cls, _ in _FAILURES) as err:
        reason = next(text for cls, text in _FAILURES if isinstance(err, cls))
        detail = str(err)
        raise FetchError(f"{reason} ({detail})" if detail else reason) from err


class _Body(httpx.SyncByteStream):
    def __init__(self, stream):
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with _as_fetch_errors():
            yield from self._stream

    def close(self) -> None:
        self._stream.close()


class _GuardedTransport(httpx.BaseTransport):
    """httpx's default transport, rebuilt on an httpcore pool whose sockets pass the guard
    (httpx.HTTPTransport has no way to choose the pool's network backend)."""

    def __init__(self, guard: AddressGuard):
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            network_backend=GuardedBackend(guard),
            max_connections=20,
            keepalive_expiry=5.0,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _as_fetch_errors():
            response = self._pool.handle_request(core_request)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Body(response.stream),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()


class Fetcher:
    """Fetches URLs one at a time, politely; one per run, closed when the run ends."""

    def __init__(
        self, settings: Settings, *, sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.settings = settings
        self._sleep = sleep
        self._clock = clock
        self._client: httpx.Client | None = None
        self._ready_at: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def fetch(self, url: str) -> tuple[RawDocument, str]:
        """The document at ``url`` and its media type ('' when the server gave none).

        Raises FetchError (or InputError for an over-large page) naming ``url``.
        """
        try:
            return self._fetch(url)
        except ClaimgraphError as err:
            err.item = url
            raise

    def _fetch(self, url: str) -> tuple[RawDocument, str]:
        s = self.settings
        deadline = self._clock() + s.fetch_timeout
        try:
            current = httpx.URL(url)
        except httpx.InvalidURL as err:
            raise FetchError(f"invalid URL ({err})") from err
        visited = {str(current)}
        for _hop in range(s.max_redirects + 1):
            if current.scheme not in ("http", "https"):
                raise FetchError(f"unsupported URL scheme '{current.scheme}' (http and https only)")
            if not current.host:
                raise FetchError("URL has no host")
            host = current.host
            self._wait_turn(host)
            try:
                timeout = self._timeout(deadline)
                with self._get_client().stream("GET", current, timeout=timeout) as resp:
                    if resp.status_code in _REDIRECTS and "location" in resp.headers:
                        target = current.join(resp.headers["location"])
                        if str(target) in visited:
                            raise FetchError(f"redirect loop ({current} redirects to {target})")
                        log.debug("%s redirects to %s", current, target)
                        visited.add(str(target))
                        current = target
                        continue
                    media = _check_response(resp)
                    data = self._read_body(resp, deadline)
            except httpx.RemoteProtocolError as err:  # e.g. a Location header that is no URL
                raise FetchError(f"the server broke the HTTP protocol ({err})") from err
            except httpx.HTTPError as err:
                raise FetchError(f"{type(err).__name__}: {err}") from err
            finally:
                self._ready_at[host] = self._clock() + s.politeness_delay
            kind = "html" if media in _HTML_TYPES else "text" if media == "text/plain" else None
            raw = RawDocument(
                source=url, url=str(current), data=data, content_type=kind,
                encoding=charset(resp.headers.get("content-type", "")),
                retrieved=dt.datetime.now(dt.timezone.utc),
            )
            return raw, media
        raise FetchError(f"more than {s.max_redirects} redirects")

    def _get_client(self) -> httpx.Client:
        if self._client is None:
            guard = AddressGuard(self.settings.allow_private, self.settings.allowed_networks)
            self._client = httpx.Client(
                transport=_GuardedTransport(guard),
                headers={"User-Agent": self.settings.user_agent,
                         "Accept-Encoding": _ACCEPT_ENCODING},
                follow_redirects=False,
                trust_env=False,
            )
        return self._client

    def _wait_turn(self, host: str) -> None:
        wait = self._ready_at.get(host, 0.0) - self._clock()
        if wait > 0:
            log.debug("waiting %.2f s before the next request to %s", wait, host)
            self._sleep(wait)

    def _timeout(self, deadline: float) -> httpx.Timeout:
        s = self.settings
        left = deadline - self._clock()
        if left <= 0:
            raise FetchError(f"took longer than {s.fetch_timeout:g} s")
        return httpx.Timeout(
            connect=min(s.connect_timeout, left), read=min(s.read_timeout, left),
            write=min(s.read_timeout, left), pool=min(s.connect_timeout, left),
        )

    def _read_body(self, resp: httpx.Response, deadline: float) -> bytes:
        """The body, decompressed here rather than by httpx: so that the cap bounds the
        decompressed size and a truncated compressed stream is noticed, not silently cut."""
        s = self.settings
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > s.max_bytes:
            raise too_large(None, s)
        decoder = _decoder(resp.headers.get("content-encoding", ""))
        body = bytearray()
        try:
            for chunk in resp.iter_raw():
                if decoder is not None:
                    # At most one byte past the cap, so a decompression bomb stays small.
                    chunk = decoder.decompress(chunk, s.max_bytes - len(body) + 1)
                body += chunk
                if len(body) > s.max_bytes:
                    raise too_large(None, s)
                if self._clock() > deadline:
                    raise FetchError(f"took longer than {s.fetch_timeout:g} s")
        except zlib.error as err:
            raise FetchError(f"corrupt compressed response ({err})") from err
        if decoder is not None and not decoder.eof:
            raise FetchError("corrupt compressed response (truncated)")
        return bytes(body)


def _decoder(encoding: str):
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip", "deflate"):
        return zlib.decompressobj(zlib.MAX_WBITS | 32)  # 32: gzip or zlib header, detected
    raise FetchError(f"unsupported content encoding '{encoding}'")


def charset(content_type: str) -> str | None:
    """The charset parameter of a Content-Type header value, if any."""
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def _check_response(resp: httpx.Response) -> str:
    """The response's media type; FetchError for an error status or a media type not read."""
    if resp.status_code >= 400:
        raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
    if not 200 <= resp.status_code < 300:
        raise FetchError(f"unexpected HTTP status {resp.status_code} {resp.reason_phrase}".rstrip())
    media = resp.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if not _READABLE.fullmatch(media):
        raise FetchError(f"not an article: the server sent {media} (only HTML, text and feeds "
                         "are read)")
    return media
