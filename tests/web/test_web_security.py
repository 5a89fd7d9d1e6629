"""Safety settings a user relies on: headers, cross-site form posts, body limits, the token."""

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from claimgraph.cli import app as cli
from claimgraph.settings import get_settings
from claimgraph.web import create_app
from claimgraph.web.security import is_loopback


def test_every_response_has_a_strict_content_security_policy(client):
    for path in ("/", "/analyze", "/api/stats", "/api/docs", "/static/style.css", "/nowhere"):
        policy = client.get(path).headers["content-security-policy"]
        script = next(p for p in policy.split(";") if p.strip().startswith("script-src"))
        assert script.split() == ["script-src", "'self'"], path
        assert "frame-ancestors 'none'" in policy


def test_form_posts_need_the_form_token(client):
    refused = client.post("/analyze", data={"text": "Some words."})
    assert refused.status_code == 403 and "reload" in refused.text
    client.get("/analyze")
    token = client.cookies.get("claimgraph_csrf")
    empty = client.post("/analyze", data={"csrf": token})
    assert empty.status_code == 422 and "give one of a URL, pasted text or an HTML file" in empty.text


@pytest.mark.parametrize("headers", [{"origin": "http://evil.example"},
                                     {"sec-fetch-site": "cross-site"}])
def test_cross_site_writes_are_refused(client, headers):
    response = client.post("/api/articles", json={"text": "x"}, headers=headers)
    assert response.status_code == 403
    assert response.json()["message"] == "cross-site request refused"


def test_bodies_over_the_limit_are_refused(web_store):
    small = TestClient(create_app(web_store, settings=get_settings(max_body=1000, token=None)))
    declared = small.post("/api/articles", json={"text": "word " * 500})
    assert declared.status_code == 413 and "1,000 bytes" in declared.json()["message"]

    def chunks():  # no Content-Length: counted as it streams in
        for _ in range(10):
            yield b"x" * 500

    streamed = small.post("/api/articles", content=chunks(),
                          headers={"content-type": "application/json"})
    assert streamed.status_code == 413


def test_writes_need_the_token_when_one_is_set(web_store):
    guarded = TestClient(create_app(web_store, settings=get_settings(token="s3cret")))
    body = {"text": "The mayor said the bridge would reopen in May.", "store": False}
    assert guarded.post("/api/articles", json=body).status_code == 401
    wrong = guarded.post("/api/articles", json=body, headers={"authorization": "Bearer nope"})
    assert wrong.status_code == 401
    right = guarded.post("/api/articles", json=body, headers={"authorization": "Bearer s3cret"})
    assert right.status_code == 201 and right.json()["outcome"] == "analyzed"
    assert guarded.get("/api/stats").status_code == 200  # reading needs no token
    assert 'name="token"' in guarded.get("/analyze").text  # the form asks for it


def test_serve_refuses_a_public_address_without_a_token(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMGRAPH_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0",
                                      "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 2
    assert "refusing to listen on 0.0.0.0 without a token" in result.output
    assert not (tmp_path / "x.db").exists()


def test_loopback_addresses():
    assert all(map(is_loopback, ["127.0.0.1", "127.5.0.1", "::1", "[::1]", "localhost"]))
    assert not any(map(is_loopback, ["0.0.0.0", "192.168.1.20", "::", "example.org"]))
