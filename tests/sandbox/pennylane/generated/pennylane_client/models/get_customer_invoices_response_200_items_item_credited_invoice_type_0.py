from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="GetCustomerInvoicesResponse200ItemsItemCreditedInvoiceType0")



@_attrs_define
class GetCustomerInvoicesResponse200ItemsItemCreditedInvoiceType0:
    """ The credited invoice if the invoice is a credit note.

        Attributes:
            id (int):  Example: 40.
            url (str): URL to get the credited invoice. Example:
                https://app.pennylane.com/api/external/v2/customer_invoices/40.
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

        get_customer_invoices_response_200_items_item_credited_invoice_type_0 = cls(
            id=id,
            url=url,
        )

        return get_customer_invoices_response_200_items_item_credited_invoice_type_0

