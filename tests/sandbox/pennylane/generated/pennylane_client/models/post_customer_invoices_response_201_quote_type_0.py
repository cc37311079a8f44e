from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PostCustomerInvoicesResponse201QuoteType0")



@_attrs_define
class PostCustomerInvoicesResponse201QuoteType0:
    """ The quote at the origin of the invoice

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

        post_customer_invoices_response_201_quote_type_0 = cls(
            id=id,
        )

        return post_customer_invoices_response_201_quote_type_0

