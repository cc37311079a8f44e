from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.supplier_invoices_e_invoice_status_response_e_invoicing_type_0_reason_type_0 import SupplierInvoicesEInvoiceStatusResponseEInvoicingType0ReasonType0
from ..models.supplier_invoices_e_invoice_status_response_e_invoicing_type_0_status import SupplierInvoicesEInvoiceStatusResponseEInvoicingType0Status
from typing import cast






T = TypeVar("T", bound="SupplierInvoicesEInvoiceStatusResponseEInvoicingType0")



@_attrs_define
class SupplierInvoicesEInvoiceStatusResponseEInvoicingType0:
    """ E-invoicing lifecycle information managed by the PA.
    Contains the current status and associated reason when applicable.
    This field is only present for invoices received through e-invoicing.

        Attributes:
            status (SupplierInvoicesEInvoiceStatusResponseEInvoicingType0Status):
            reason (None | SupplierInvoicesEInvoiceStatusResponseEInvoicingType0ReasonType0):
     """

    status: SupplierInvoicesEInvoiceStatusResponseEInvoicingType0Status
    reason: None | SupplierInvoicesEInvoiceStatusResponseEInvoicingType0ReasonType0





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        reason: None | str
        if isinstance(self.reason, SupplierInvoicesEInvoiceStatusResponseEInvoicingType0ReasonType0):
            reason = self.reason.value
        else:
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
        status = SupplierInvoicesEInvoiceStatusResponseEInvoicingType0Status(d.pop("status"))




        def _parse_reason(data: object) -> None | SupplierInvoicesEInvoiceStatusResponseEInvoicingType0ReasonType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reason_type_0 = SupplierInvoicesEInvoiceStatusResponseEInvoicingType0ReasonType0(data)



                return reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SupplierInvoicesEInvoiceStatusResponseEInvoicingType0ReasonType0, data)

        reason = _parse_reason(d.pop("reason"))


        supplier_invoices_e_invoice_status_response_e_invoicing_type_0 = cls(
            status=status,
            reason=reason,
        )

        return supplier_invoices_e_invoice_status_response_e_invoicing_type_0

