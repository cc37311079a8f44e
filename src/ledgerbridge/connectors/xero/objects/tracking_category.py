"""Tracking at Xero: ``/TrackingCategories`` (one call), read only. Each category and each of its options is a
record; an option's remote key is ``<TrackingCategoryID>/<TrackingOptionID>``, read through its category."""

from __future__ import annotations

from ledgerbridge.connectors.base import ObjectDeclaration
from ledgerbridge.connectors.xero.collection import TRACKING_CATEGORIES
from ledgerbridge.connectors.xero.mapping import tracking_category as mapping
from ledgerbridge.connectors.xero.mapping.common import split_tracking_key
from ledgerbridge.connectors.xero.reader import Reader, each


def category_of(remote_key: str) -> str:
    """The TrackingCategoryID a category or option record key belongs to."""
    return split_tracking_key(remote_key)[0]


READER = Reader(TRACKING_CATEGORIES, each(mapping.to_unified), holder=category_of)

DECLARATION = ObjectDeclaration(name="tracking_category", list=READER.pages, fetch=READER.fetch)
