"""Older file formats read as the current one: old assessments and URL-check records keep
loading, and the next save (or ``migrate``) writes the current format."""
