"""The requirement catalogue (the 対策基準 as data): model, loading and applicability."""

from vendorrisk.core.catalog.applicability import Profile, applicable_requirements, applies
from vendorrisk.core.catalog.loader import CatalogError, builtin_catalog_path, load_catalog
from vendorrisk.core.catalog.model import Catalogue, Requirement, Text

__all__ = [
    "CatalogError",
    "Catalogue",
    "Profile",
    "Requirement",
    "Text",
    "applicable_requirements",
    "applies",
    "builtin_catalog_path",
    "load_catalog",
]
