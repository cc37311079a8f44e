from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.customer_invoices_inclusions_included_invoice_lines_additional_property_customer_invoice_line import CustomerInvoicesInclusionsIncludedInvoiceLinesAdditionalPropertyCustomerInvoiceLine





T = TypeVar("T", bound="CustomerInvoicesInclusionsIncludedInvoiceLinesAdditionalProperty")



@_attrs_define
class CustomerInvoicesInclusionsIncludedInvoiceLinesAdditionalProperty:
    """ Paginated collection of invoice lines for a specific invoice

        Attributes:
            items (list[CustomerInvoicesInclusionsIncludedInvoiceLinesAdditionalPropertyCustomerInvoiceLine]): Array of
                invoice lines (up to 20 items)
            has_more (bool): Whether more invoice lines exist beyond this set Example: False.
            next_url (None | str): URL to fetch the next page of invoice lines (null if no more pages) Example:
                https://app.pennylane.com/api/external/v2/customer_invoices/42/invoice_lines?cursor=eyJpZCI6....
     """

    items: list[CustomerInvoicesInclusionsIncludedInvoiceLinesAdditionalPropertyCustomerInvoiceLine]
    has_more: bool
    next_url: None | str





    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_invoices_inclusions_included_invoice_lines_additional_property_customer_invoice_line import CustomerInvoicesInclusionsIncludedInvoiceLinesAdditionalPropertyCustomerInvoiceLine # noqa: PLC0415
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        has_more = self.has_more

        next_url: None | str
        next_url = self.next_url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "items": items,
            "has_more": has_more,
            "next_url": next_url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_invoices_inclusions_included_invoice_lines_additional_property_customer_invoice_line import CustomerInvoicesInclusionsIncludedInvoiceLinesAdditionalPropertyCustomerInvoiceLine # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = CustomerInvoicesInclusionsIncludedInvoiceLinesAdditionalPropertyCustomerInvoiceLine.from_dict(items_item_data)



            items.append(items_item)


        has_more = d.pop("has_more")

        def _parse_next_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_url = _parse_next_url(d.pop("next_url"))


        customer_invoices_inclusions_included_invoice_lines_additional_property = cls(
            items=items,
            has_more=has_more,
            next_url=next_url,
        )

        return customer_invoices_inclusions_included_invoice_lines_additional_property

