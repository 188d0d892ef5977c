"""The city's classification vocabulary (policy §6.2, §6.3): kinds, tiers, CIA levels."""

from __future__ import annotations

from typing import Final, Literal

Kind = Literal["contractor", "cloud", "social", "designated_manager"]
Tier = Literal["mynumber", "lgwan", "internet"]
TerminalModel = Literal["alpha", "alpha_prime", "beta", "beta_prime"]
Confidentiality = Literal["1", "2", "3C", "3B", "3A"]
TwoLevel = Literal["1", "2"]
Severity = Literal["must", "should", "may"]
Audience = Literal["vendor", "city"]

# designated_manager: 指定管理者 of a public facility (地方自治法244条の2), bound by an
# agreement (協定) rather than a contract.
KINDS: Final[tuple[Kind, ...]] = ("contractor", "cloud", "social", "designated_manager")
TIERS: Final[tuple[Tier, ...]] = ("mynumber", "lgwan", "internet")
TERMINAL_MODELS: Final[tuple[TerminalModel, ...]] = ("alpha", "alpha_prime", "beta", "beta_prime")
# 自治体機密性 from the least to the most sensitive (GL R6.10): order matters for min/max rules.
CONFIDENTIALITY_LEVELS: Final[tuple[Confidentiality, ...]] = ("1", "2", "3C", "3B", "3A")
TWO_LEVELS: Final[tuple[TwoLevel, ...]] = ("1", "2")
SEVERITIES: Final[tuple[Severity, ...]] = ("must", "should", "may")


def confidentiality_rank(level: str) -> int:
    return CONFIDENTIALITY_LEVELS.index(level)
