from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LedgerEntryLinesResponseLedgerAccount")



@_attrs_define
class LedgerEntryLinesResponseLedgerAccount:
    """ 
        Attributes:
            id (int): Ledger account ID Example: 987.
            number (str): Ledger account number Example: 411000.
            url (str): The URL to the ledger account Example: https://app.pennylane.com/api/external/v2/ledger_accounts/42.
     """

    id: int
    number: str
    url: str





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "number": number,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        url = d.pop("url")

        ledger_entry_lines_response_ledger_account = cls(
            id=id,
            number=number,
            url=url,
        )

        return ledger_entry_lines_response_ledger_account

