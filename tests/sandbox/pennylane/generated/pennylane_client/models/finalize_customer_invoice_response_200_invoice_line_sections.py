from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="FinalizeCustomerInvoiceResponse200InvoiceLineSections")



@_attrs_define
class FinalizeCustomerInvoiceResponse200InvoiceLineSections:
    """ 
        Attributes:
            url (str): URL to get the invoice line sections of the invoice. Example:
                https://app.pennylane.com/api/external/v2/customer_invoices/42/invoice_line_sections.
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

        finalize_customer_invoice_response_200_invoice_line_sections = cls(
            url=url,
        )

        return finalize_customer_invoice_response_200_invoice_line_sections

