"""Checking files: JSON Schema, the meaning of answers, and whole batches of files."""
