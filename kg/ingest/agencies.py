"""News and photo agencies: the names that credit a story or a picture, not take part in it.

A name here is only ever used where layout already marks a credit (inside the
parentheses of a dateline, after a slash in a photo credit, after "By ... ," in a
byline), never to remove a word from running text.
"""

from __future__ import annotations

import re

# Wire services whose names appear in datelines, bylines and sign-offs.
NEWS_AGENCIES = frozenset(
    name.casefold()
    for name in (
        "Reuters", "AP", "Associated Press", "The Associated Press", "AFP", "Agence France-Presse",
        "Agence France Presse", "ANI", "Asian News International", "Xinhua", "Xinhua News Agency",
        "TASS", "ITAR-TASS", "Anadolu", "Anadolu Agency", "AA", "UNI", "PTI", "Press Trust of India",
        "IANS", "dpa", "Deutsche Presse-Agentur", "Sputnik", "RIA Novosti", "Interfax", "EFE", "ANSA",
        "Kyodo", "Kyodo News", "Yonhap", "Bernama", "Antara", "KUNA", "WAM", "SPA", "IRNA", "ISNA",
        "Tasnim", "Fars", "Mehr", "SANA", "MENA", "QNA", "APP", "BSS", "UPI", "AAP", "PA", "PA Media",
        "Press Association", "Canadian Press", "The Canadian Press", "Ukrinform", "KCNA", "Bloomberg",
    )
)  # fmt: skip
# Picture desks and photo libraries that appear only in photo credits.
PHOTO_AGENCIES = frozenset(
    name.casefold()
    for name in (
        "AP Photo", "Getty", "Getty Images", "EPA", "EPA-EFE", "Shutterstock", "Alamy", "SOPA Images",
        "LightRocket", "NurPhoto", "ZUMA", "ZUMA Press", "ZUMA Wire", "Sipa", "Sipa Press", "Abaca",
        "PA Images", "PA Wire", "Rex", "Rex Features", "Pool", "Handout", "AFP/Getty Images",
    )
)  # fmt: skip
_PARTS = re.compile(r"\s*(?:/|,|&|\band\b)\s*")


def is_agency(name: str) -> bool:
    """A known news agency, in any letter case: "Reuters", "AFP", "dpa", "Associated Press"."""
    return " ".join(name.split()).casefold() in NEWS_AGENCIES


def is_photo_agency(name: str) -> bool:
    """A known news agency or picture library ("Getty Images", "AP Photo", "EPA-EFE")."""
    key = " ".join(name.split()).casefold()
    return key in NEWS_AGENCIES or key in PHOTO_AGENCIES


def agency_names(credit: str) -> list[str] | None:
    """The agencies of a credit made only of agency names ("ANI/Sputnik", "AP and AFP"), else None.

    >>> agency_names("ANI/Sputnik"), agency_names("Reuters/Ipsos")
    (['ANI', 'Sputnik'], None)
    """
    parts = [p for p in _PARTS.split(credit.strip()) if p]
    if parts and all(is_agency(p) for p in parts):
        return parts
    return None
