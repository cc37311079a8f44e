from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.get_customer_invoices_response_200_included_invoice_lines_additional_property import GetCustomerInvoicesResponse200IncludedInvoiceLinesAdditionalProperty





T = TypeVar("T", bound="GetCustomerInvoicesResponse200IncludedInvoiceLines")



@_attrs_define
class GetCustomerInvoicesResponse200IncludedInvoiceLines:
    """ Invoice lines grouped by parent invoice ID

     """

    additional_properties: dict[str, GetCustomerInvoicesResponse200IncludedInvoiceLinesAdditionalProperty] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.get_customer_invoices_response_200_included_invoice_lines_additional_property import GetCustomerInvoicesResponse200IncludedInvoiceLinesAdditionalProperty # noqa: PLC0415
        
        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()


        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_customer_invoices_response_200_included_invoice_lines_additional_property import GetCustomerInvoicesResponse200IncludedInvoiceLinesAdditionalProperty # noqa: PLC0415
        d = dict(src_dict)
        get_customer_invoices_response_200_included_invoice_lines = cls(
        )


        from ..models.get_customer_invoices_response_200_included_invoice_lines_additional_property_customer_invoice_line import GetCustomerInvoicesResponse200IncludedInvoiceLinesAdditionalPropertyCustomerInvoiceLine # noqa: PLC0415
        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = GetCustomerInvoicesResponse200IncludedInvoiceLinesAdditionalProperty.from_dict(prop_dict)



            additional_properties[prop_name] = additional_property

        get_customer_invoices_response_200_included_invoice_lines.additional_properties = additional_properties
        return get_customer_invoices_response_200_included_invoice_lines

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> GetCustomerInvoicesResponse200IncludedInvoiceLinesAdditionalProperty:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: GetCustomerInvoicesResponse200IncludedInvoiceLinesAdditionalProperty) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
