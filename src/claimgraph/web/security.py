"""What keeps the web app safe to open on hostile articles and to expose on a network: security
headers (a Content-Security-Policy without inline scripts), a request body limit, protection of
form posts against cross-site requests, and the write token."""

from __future__ import annotations

import hmac
import ipaddress
import secrets

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Scripts and styles come from our own /static only; nothing inline runs, nothing is framed.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
CSRF_COOKIE = "claimgraph_csrf"
CSRF_FIELD = "csrf"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


class Guard:
    """ASGI middleware: security headers on every response; bodies over ``max_body`` bytes
    refused with 413 (by Content-Length, or while they stream in); unsafe requests whose
    Origin is another site refused with 403."""

    def __init__(self, app: ASGIApp, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}

        refused = False  # a 413 went out while the body streamed in: the app is cut off

        async def send_with_headers(message: Message) -> None:
            if refused:
                return
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + HEADERS
            await send(message)

        if scope["method"] in UNSAFE and not _same_origin(headers):
            await _refuse(send_with_headers, 403, "cross-site request refused")
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            await _refuse(send_with_headers, 413, f"request body over {self.max_body:,} bytes")
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body and not refused:
                    await _refuse(send_with_headers, 413,
                                  f"request body over {self.max_body:,} bytes")
                    refused = True
                    return {"type": "http.disconnect"}
            return message

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except Exception:
            if not refused:
                raise


async def _refuse(send: Send, status: int, message: str) -> None:
    body = ('{"status": %d, "message": "%s"}' % (status, message)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _same_origin(headers: dict[str, str]) -> bool:
    """The browser says the request comes from our own pages (Sec-Fetch-Site, else Origin);
    a client that is not a browser sends neither."""
    site = headers.get("sec-fetch-site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = headers.get("origin")
    host = headers.get("host", "")
    return origin is None or origin in (f"http://{host}", f"https://{host}")


def csrf_token(request: Request) -> str:
    """The visitor's form token: the cookie's value, or a new one the response will set."""
    token = request.cookies.get(CSRF_COOKIE)
    if not token or len(token) != 43:
        token = request.state.new_csrf = secrets.token_urlsafe(32)
    return token


def set_csrf_cookie(request: Request, response) -> None:
    token = getattr(request.state, "new_csrf", None)
    if token:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")


def check_csrf(request: Request, submitted: str | None) -> None:
    """Form posts carry the token of the cookie (double submit); another site cannot read it."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not submitted or not hmac.compare_digest(cookie, submitted):
        raise HTTPException(403, "the form has expired or came from another site: reload it")


def check_token(request: Request, submitted: str | None = None) -> None:
    """When the app has a token, a write must carry it (``Authorization: Bearer`` or a form
    field)."""
    expected = request.app.state.token
    if expected is None:
        return
    auth = request.headers.get("authorization", "")
    given = submitted or (auth[7:] if auth.lower().startswith("bearer ") else "")
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "a valid token is needed to write (Authorization: Bearer …)")


def is_loopback(host: str) -> bool:
    """True for names and addresses that only this machine can reach."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
