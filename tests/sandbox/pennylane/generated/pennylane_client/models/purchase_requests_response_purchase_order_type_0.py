from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PurchaseRequestsResponsePurchaseOrderType0")



@_attrs_define
class PurchaseRequestsResponsePurchaseOrderType0:
    """ 
        Attributes:
            filename (str):  Example: Bon-de-commande_n°2025-1.pdf.
            url (str):  Example: https://www.pennylane.com/Bon-de-commande_n%C2%B02025-1.pdf.
     """

    filename: str
    url: str





    def to_dict(self) -> dict[str, Any]:
        filename = self.filename

        url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "filename": filename,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filename = d.pop("filename")

        url = d.pop("url")

        purchase_requests_response_purchase_order_type_0 = cls(
            filename=filename,
            url=url,
        )

        return purchase_requests_response_purchase_order_type_0

