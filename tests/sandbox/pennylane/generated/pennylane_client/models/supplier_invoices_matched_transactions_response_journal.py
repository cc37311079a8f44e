from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SupplierInvoicesMatchedTransactionsResponseJournal")



@_attrs_define
class SupplierInvoicesMatchedTransactionsResponseJournal:
    """ 
        Attributes:
            id (int):  Example: 42.
     """

    id: int





    def to_dict(self) -> dict[str, Any]:
        id = self.id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        supplier_invoices_matched_transactions_response_journal = cls(
            id=id,
        )

        return supplier_invoices_matched_transactions_response_journal

