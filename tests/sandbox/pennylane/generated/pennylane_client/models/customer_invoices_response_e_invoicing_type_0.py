from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.customer_invoices_response_e_invoicing_type_0_status import CustomerInvoicesResponseEInvoicingType0Status
from typing import cast






T = TypeVar("T", bound="CustomerInvoicesResponseEInvoicingType0")



@_attrs_define
class CustomerInvoicesResponseEInvoicingType0:
    """ E-invoicing lifecycle information managed by the PA.
    Contains the current status and associated reason when applicable.
    This field is only present for invoices sent through e-invoicing.

        Attributes:
            status (CustomerInvoicesResponseEInvoicingType0Status):
            reason (None | str):
     """

    status: CustomerInvoicesResponseEInvoicingType0Status
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
        status = CustomerInvoicesResponseEInvoicingType0Status(d.pop("status"))




        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        customer_invoices_response_e_invoicing_type_0 = cls(
            status=status,
            reason=reason,
        )

        return customer_invoices_response_e_invoicing_type_0

