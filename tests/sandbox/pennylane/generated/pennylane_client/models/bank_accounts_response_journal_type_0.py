from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="BankAccountsResponseJournalType0")



@_attrs_define
class BankAccountsResponseJournalType0:
    """ 
        Attributes:
            id (int):  Example: 42.
            url (str):  Example: https://app.pennylane.com/api/external/v2/journals/7.
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

        bank_accounts_response_journal_type_0 = cls(
            id=id,
            url=url,
        )

        return bank_accounts_response_journal_type_0

