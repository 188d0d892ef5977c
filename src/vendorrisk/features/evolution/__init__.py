"""Catalogue evolution (policy §8): change records between catalogue versions, the
assessments they leave outdated, migrating answers across, and upgrading older file
formats. Core code: no UI, no HTTP."""
