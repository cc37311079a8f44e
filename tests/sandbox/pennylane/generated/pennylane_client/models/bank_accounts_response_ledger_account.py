from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="BankAccountsResponseLedgerAccount")



@_attrs_define
class BankAccountsResponseLedgerAccount:
    """ 
        Attributes:
            id (int):  Example: 42.
            url (str):  Example: https://app.pennylane.com/api/external/v2/ledger_accounts/8.
     """

    id: int
    url: str





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        bank_accounts_response_ledger_account = cls(
            id=id,
            url=url,
        )

        return bank_accounts_response_ledger_account

