from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PostSupplierBodyLedgerAccountType0")



@_attrs_define
class PostSupplierBodyLedgerAccountType0:
    """ 
        Attributes:
            number (str):  Example: 411100344.
     """

    number: str





    def to_dict(self) -> dict[str, Any]:
        number = self.number


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "number": number,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        post_supplier_body_ledger_account_type_0 = cls(
            number=number,
        )

        return post_supplier_body_ledger_account_type_0

