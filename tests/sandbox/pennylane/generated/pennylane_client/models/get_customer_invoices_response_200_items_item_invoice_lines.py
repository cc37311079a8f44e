from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="GetCustomerInvoicesResponse200ItemsItemInvoiceLines")



@_attrs_define
class GetCustomerInvoicesResponse200ItemsItemInvoiceLines:
    """ 
        Attributes:
            url (str): URL to get the invoice lines of the invoice. Example:
                https://app.pennylane.com/api/external/v2/customer_invoices/42/invoice_lines.
     """

    url: str





    def to_dict(self) -> dict[str, Any]:
        url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        get_customer_invoices_response_200_items_item_invoice_lines = cls(
            url=url,
        )

        return get_customer_invoices_response_200_items_item_invoice_lines

