"""The vendor URL checker: an adapter of its own, the only user
of the HTTP client. Its results are plain records (the urlcheck-result schema);
render/urlcheck_text.py puts them into words."""
