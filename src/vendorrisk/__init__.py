"""vendorrisk: assess contractors, cloud services and social media services against a
municipal information security policy (Neyagawa City, sections 6 to 9)."""

__version__ = "0.2.0"
