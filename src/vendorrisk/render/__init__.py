"""Values into words and documents: reports, clause documents, OSCAL, the diff and
round texts, git textconv, the URL-check text. The only layer below the faces that
uses vendorrisk.messages."""
