"""What every Xero mapper shares: numbers, empty strings, refs and the code → id lookups.

Xero quirks handled here (shared/reference/recorded/README.md, "Xero"):
- money is ``89.00`` on the wire but ``89`` after some proxies; JSON is parsed with Decimals
  (``ledgerbridge.wire.loads``) but integers arrive as ``int``, so everything goes through :func:`money`;
- "no value" is ``""`` or a missing key, never ``null``: :func:`text` folds ``""`` to None;
- invoice lines name their account and item by *code* (``AccountCode``, ``ItemCode``) and only sometimes by id
  (``AccountID``, ``Item.ItemID``: the 2020 recordings have neither). Our remote keys are the ids, so a
  :class:`Lookup` built from ``GET /Accounts`` and ``GET /Items`` turns codes into ids (and back, for writes).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol
from uuid import UUID


class RefMaker(Protocol):
    """The Ledgerbridge id of a provider record (``ConnectionContext.ref`` fits)."""

    def ref(self, object_name: str, remote_key: str | None) -> UUID | None: ...


def money(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError("boolean where a number was expected")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))  # only hand-built dicts hold floats; the wire parser never makes them
    return Decimal(str(value))


def currency_rate(remote: dict[str, Any]) -> str | None:
    """A document's ``CurrencyRate`` as the unified exchange rate; Xero's 0 for "none" is no rate."""
    rate = money(remote.get("CurrencyRate"))
    return str(rate) if rate is not None and rate > 0 else None


def text(value: Any) -> str | None:
    if value is None:
        return None
    value = str(value)
    return value if value.strip() else None


def lower_id(value: Any) -> str | None:
    """Xero ids are GUIDs; it prints them lower-case, but compare case-insensitively to be safe."""
    found = text(value)
    return found.lower() if found else None


def tracking_key(category_id: str, option_id: str) -> str:
    """Remote key of a tracking option, the unified tracking category a line refers to."""
    return f"{category_id.lower()}/{option_id.lower()}"


def split_tracking_key(remote_key: str) -> tuple[str, str | None]:
    category, sep, option = remote_key.partition("/")
    return category, (option or None) if sep else None


@dataclass
class Lookup:
    """Codes and names Xero uses in place of ids, learnt from the settings endpoints.

    ``account_ids``: AccountCode → AccountID; ``item_ids``: ItemCode → ItemID; ``options``:
    (TrackingCategoryID, option name lower-cased) → TrackingOptionID. The reverse maps serve writes.
    """

    account_ids: dict[str, str] = field(default_factory=dict)
    item_ids: dict[str, str] = field(default_factory=dict)
    options: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        accounts: Iterable[dict[str, Any]] = (),
        items: Iterable[dict[str, Any]] = (),
        categories: Iterable[dict[str, Any]] = (),
    ) -> Lookup:
        lookup = cls()
        lookup.add_accounts(accounts)
        lookup.add_items(items)
        for category in categories:
            cat_id = lower_id(category.get("TrackingCategoryID"))
            for option in category.get("Options") or []:
                opt_id, name = lower_id(option.get("TrackingOptionID")), text(option.get("Name"))
                if cat_id and opt_id and name:
                    lookup.options[(cat_id, name.lower())] = opt_id
        return lookup

    def add_accounts(self, accounts: Iterable[dict[str, Any]]) -> None:
        for account in accounts:
            code, account_id = text(account.get("Code")), lower_id(account.get("AccountID"))
            if code and account_id:
                self.account_ids[code] = account_id

    def add_items(self, items: Iterable[dict[str, Any]]) -> None:
        for item in items:
            code, item_id = text(item.get("Code")), lower_id(item.get("ItemID"))
            if code and item_id:
                self.item_ids[code] = item_id

    def account_code(self, account_id: str) -> str | None:
        wanted = account_id.lower()
        return next((code for code, found in self.account_ids.items() if found == wanted), None)

    def item_code(self, item_id: str) -> str | None:
        wanted = item_id.lower()
        return next((code for code, found in self.item_ids.items() if found == wanted), None)


def account_ref(ctx: RefMaker, lookup: Lookup | None, account_id: Any, code: Any) -> UUID | None:
    """The unified account of an (AccountID, AccountCode) pair: the id when Xero gave it, else the code's."""
    found = lower_id(account_id)
    if found is None and (code := text(code)) is not None and lookup is not None:
        found = lookup.account_ids.get(code)
    return ctx.ref("account", found)
