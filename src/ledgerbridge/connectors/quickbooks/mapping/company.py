"""QBO CompanyInfo → company info; Customer/Vendor addresses and phones → address and phone-number records;
account create body. Pure."""

from __future__ import annotations

from typing import Any

from ledgerbridge.connectors.base import RemoteRecord
from ledgerbridge.connectors.quickbooks.mapping.common import RefMaker, key, read_timestamp, updated_at
from ledgerbridge.unified.account import AccountClassification, AccountInput
from ledgerbridge.unified.company_info import CompanyInfo, fiscal_year_end
from ledgerbridge.unified.contact_details import Address, PhoneNumber

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
# Contact elements that hold an address or a phone, and the unified type each becomes.
ADDRESSES = {"BillAddr": "BILLING", "ShipAddr": "SHIPPING"}
PHONES = {"PrimaryPhone": "PRIMARY", "Mobile": "MOBILE", "Fax": "FAX", "AlternatePhone": "ALTERNATE"}
# Default AccountType for a classification when the caller gives none (QBO requires one).
ACCOUNT_TYPES = {
    AccountClassification.ASSET: "Other Current Asset",
    AccountClassification.LIABILITY: "Other Current Liability",
    AccountClassification.EQUITY: "Equity",
    AccountClassification.REVENUE: "Income",
    AccountClassification.EXPENSE: "Expense",
}


def company_info_to_unified(remote: dict[str, Any], ctx: RefMaker, currency: str | None = None) -> RemoteRecord:
    start = remote.get("FiscalYearStartMonth")
    month, day = fiscal_year_end(_MONTHS.index(start) + 1 if start in _MONTHS else None)
    web = (remote.get("WebAddr") or {}).get("URI")
    info = CompanyInfo(
        name=remote.get("CompanyName"),
        legal_name=remote.get("LegalName"),
        fiscal_year_end_month=month,
        fiscal_year_end_day=day,
        currency=currency,
        urls=[web] if web else [],
        remote_created_at=read_timestamp((remote.get("MetaData") or {}).get("CreateTime")),
    )
    remote_id = str(remote["Id"])
    return RemoteRecord("company_info", key("CompanyInfo", remote_id), remote_id, info, remote, updated_at(remote))


def addresses_to_unified(entity: str, remote: dict[str, Any], ctx: RefMaker) -> list[RemoteRecord]:
    contact = ctx.ref("contact", key(entity, str(remote["Id"])))
    found = []
    for element, kind in ADDRESSES.items():
        addr = remote.get(element)
        if not isinstance(addr, dict) or not any(addr.get(k) for k in ("Line1", "City", "PostalCode")):
            continue
        address = Address(
            type=kind, street_1=addr.get("Line1"), street_2=addr.get("Line2"), city=addr.get("City"),
            state=addr.get("CountrySubDivisionCode"), country_subdivision=addr.get("CountrySubDivisionCode"),
            country=addr.get("Country"), zip=addr.get("PostalCode"), contact_id=contact,
        )
        remote_id = str(addr.get("Id") or f"{remote['Id']}-{element}")
        found.append(RemoteRecord("address", f"{key(entity, str(remote['Id']))}#{element}", remote_id, address,
                                  addr, updated_at(remote)))
    return found


def phones_to_unified(entity: str, remote: dict[str, Any], ctx: RefMaker) -> list[RemoteRecord]:
    contact = ctx.ref("contact", key(entity, str(remote["Id"])))
    found = []
    for element, kind in PHONES.items():
        number = (remote.get(element) or {}).get("FreeFormNumber")
        if not number:
            continue
        phone = PhoneNumber(number=number, type=kind, contact_id=contact)
        found.append(RemoteRecord("phone_number", f"{key(entity, str(remote['Id']))}#{element}",
                                  f"{remote['Id']}-{element}", phone, remote.get(element), updated_at(remote)))
    return found


def account_to_remote(body: AccountInput, parent: str | None) -> dict[str, Any]:
    remote: dict[str, Any] = {"Name": body.name, "AccountType": body.type or ACCOUNT_TYPES[body.classification]}
    if body.description:
        remote["Description"] = body.description
    if body.account_number:
        remote["AcctNum"] = body.account_number
    if body.currency:
        remote["CurrencyRef"] = {"value": body.currency}
    if parent:
        remote["ParentRef"] = {"value": parent}
        remote["SubAccount"] = True
    return remote
