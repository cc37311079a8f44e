from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.get_customer_invoices_response_200_included_invoice_lines import GetCustomerInvoicesResponse200IncludedInvoiceLines





T = TypeVar("T", bound="GetCustomerInvoicesResponse200Included")



@_attrs_define
class GetCustomerInvoicesResponse200Included:
    """ Container for all included resources

        Attributes:
            invoice_lines (GetCustomerInvoicesResponse200IncludedInvoiceLines | Unset): Invoice lines grouped by parent
                invoice ID
     """

    invoice_lines: GetCustomerInvoicesResponse200IncludedInvoiceLines | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.get_customer_invoices_response_200_included_invoice_lines import GetCustomerInvoicesResponse200IncludedInvoiceLines # noqa: PLC0415
        invoice_lines: dict[str, Any] | Unset = UNSET
        if not isinstance(self.invoice_lines, Unset):
            invoice_lines = self.invoice_lines.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if invoice_lines is not UNSET:
            field_dict["invoice_lines"] = invoice_lines

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_customer_invoices_response_200_included_invoice_lines import GetCustomerInvoicesResponse200IncludedInvoiceLines # noqa: PLC0415
        d = dict(src_dict)
        _invoice_lines = d.pop("invoice_lines", UNSET)
        invoice_lines: GetCustomerInvoicesResponse200IncludedInvoiceLines | Unset
        if isinstance(_invoice_lines,  Unset):
            invoice_lines = UNSET
        else:
            invoice_lines = GetCustomerInvoicesResponse200IncludedInvoiceLines.from_dict(_invoice_lines)




        get_customer_invoices_response_200_included = cls(
            invoice_lines=invoice_lines,
        )


        get_customer_invoices_response_200_included.additional_properties = d
        return get_customer_invoices_response_200_included

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
