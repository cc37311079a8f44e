from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.get_customer_invoice_response_200e_invoicing_type_0_status import GetCustomerInvoiceResponse200EInvoicingType0Status
from typing import cast






T = TypeVar("T", bound="GetCustomerInvoiceResponse200EInvoicingType0")



@_attrs_define
class GetCustomerInvoiceResponse200EInvoicingType0:
    """ E-invoicing lifecycle information managed by the PA.
    Contains the current status and associated reason when applicable.
    This field is only present for invoices sent through e-invoicing.

        Attributes:
            status (GetCustomerInvoiceResponse200EInvoicingType0Status):
            reason (None | str):
     """

    status: GetCustomerInvoiceResponse200EInvoicingType0Status
    reason: None | str





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        reason: None | str
        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = GetCustomerInvoiceResponse200EInvoicingType0Status(d.pop("status"))




        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        get_customer_invoice_response_200e_invoicing_type_0 = cls(
            status=status,
            reason=reason,
        )

        return get_customer_invoice_response_200e_invoicing_type_0

