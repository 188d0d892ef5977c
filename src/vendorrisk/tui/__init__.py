"""The terminal UI (Textual). It drives the core (session, scoring, workflow, storage) and
holds no business rules of its own."""
