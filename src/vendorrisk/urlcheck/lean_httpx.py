"""httpx for the URL checker: imported when first used, and without its command-line client.

The checker's modules take httpx from here (``from vendorrisk.urlcheck.lean_httpx import
httpx``), not by ``import httpx``, for two reasons:

- httpx loads its own command-line client (click, pygments, rich) whenever those are
  installed, as they are here: about 30 ms for a function the checker never calls. httpx
  falls back to a stub when that import fails, as on an install without its ``cli`` extra;
  marking click absent for the length of httpx's import takes that path. Nothing else is
  affected: click is importable again afterwards.
- httpx itself takes ~20 ms to import, and the first requests of a batch need none of it
  (plain URLs are read without it; it makes the exceptions and the response headers). So
  the name is bound to a stand-in (the standard library's lazy loader) that imports the
  real package the first time anything of it is used, and the batch loads it while its
  first requests travel (``load_httpx``). A plain ``import httpx`` elsewhere gets the same
  module; it loads it at once (the import statement itself looks into the module).
"""

from __future__ import annotations

import importlib.util
import sys
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import TYPE_CHECKING, Any


class _WithoutClick:
    """httpx's own loader, run with click marked absent, then put back in its place.

    (Not an ``importlib.abc.Loader`` subclass: importing that module costs 4 ms.)
    """

    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        created: ModuleType | None = self._loader.create_module(spec)
        return created

    def exec_module(self, module: ModuleType) -> None:
        if module.__spec__ is not None:
            module.__spec__.loader = self._loader
        module.__loader__ = self._loader
        blocked = "click" not in sys.modules
        if blocked:
            sys.modules["click"] = None  # type: ignore[assignment]  # None makes `import click` fail
        try:
            self._loader.exec_module(module)
        finally:
            if blocked:
                del sys.modules["click"]


def _deferred_httpx() -> ModuleType:
    already = sys.modules.get("httpx")
    if already is not None:
        return already
    spec = importlib.util.find_spec("httpx")
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError("No module named 'httpx'", name="httpx")
    spec.loader = importlib.util.LazyLoader(_WithoutClick(spec.loader))  # type: ignore[arg-type]
    module = importlib.util.module_from_spec(spec)
    sys.modules["httpx"] = module
    spec.loader.exec_module(module)
    return module


if TYPE_CHECKING:
    import httpx as httpx
else:
    httpx = _deferred_httpx()


def load_httpx() -> None:
    """Import httpx now if it is still deferred (any use of the module does)."""
    getattr(httpx, "__version__", None)
