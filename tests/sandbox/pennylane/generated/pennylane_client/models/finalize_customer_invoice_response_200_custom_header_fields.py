from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="FinalizeCustomerInvoiceResponse200CustomHeaderFields")



@_attrs_define
class FinalizeCustomerInvoiceResponse200CustomHeaderFields:
    """ 
        Attributes:
            url (str): URL to get the custom header fields of the invoice. Example:
                https://app.pennylane.com/api/external/v2/customer_invoices/42/custom_header_fields.
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

        finalize_customer_invoice_response_200_custom_header_fields = cls(
            url=url,
        )

        return finalize_customer_invoice_response_200_custom_header_fields

