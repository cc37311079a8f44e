from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.update_customer_invoice_finalized_customer_invoice_invoice_lines_update_item import UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLinesUpdateItem





T = TypeVar("T", bound="UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLines")



@_attrs_define
class UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLines:
    """ Update invoice lines.

        Attributes:
            update (list[UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLinesUpdateItem] | Unset):
     """

    update: list[UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLinesUpdateItem] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.update_customer_invoice_finalized_customer_invoice_invoice_lines_update_item import UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLinesUpdateItem # noqa: PLC0415
        update: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.update, Unset):
            update = []
            for update_item_data in self.update:
                update_item = update_item_data.to_dict()
                update.append(update_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if update is not UNSET:
            field_dict["update"] = update

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.update_customer_invoice_finalized_customer_invoice_invoice_lines_update_item import UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLinesUpdateItem # noqa: PLC0415
        d = dict(src_dict)
        _update = d.pop("update", UNSET)
        update: list[UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLinesUpdateItem] | Unset = UNSET
        if _update is not UNSET:
            update = []
            for update_item_data in _update:
                update_item = UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLinesUpdateItem.from_dict(update_item_data)



                update.append(update_item)


        update_customer_invoice_finalized_customer_invoice_invoice_lines = cls(
            update=update,
        )

        return update_customer_invoice_finalized_customer_invoice_invoice_lines

