from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.update_customer_invoice_finalized_customer_invoice_invoice_lines_update_item_imputation_dates import UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLinesUpdateItemImputationDates





T = TypeVar("T", bound="UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLinesUpdateItem")



@_attrs_define
class UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLinesUpdateItem:
    """ 
        Attributes:
            id (int): Invoice line identifier Example: 42.
            imputation_dates (UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLinesUpdateItemImputationDates | Unset):
     """

    id: int
    imputation_dates: UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLinesUpdateItemImputationDates | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.update_customer_invoice_finalized_customer_invoice_invoice_lines_update_item_imputation_dates import UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLinesUpdateItemImputationDates # noqa: PLC0415
        id = self.id

        imputation_dates: dict[str, Any] | Unset = UNSET
        if not isinstance(self.imputation_dates, Unset):
            imputation_dates = self.imputation_dates.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
        })
        if imputation_dates is not UNSET:
            field_dict["imputation_dates"] = imputation_dates

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.update_customer_invoice_finalized_customer_invoice_invoice_lines_update_item_imputation_dates import UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLinesUpdateItemImputationDates # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        _imputation_dates = d.pop("imputation_dates", UNSET)
        imputation_dates: UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLinesUpdateItemImputationDates | Unset
        if isinstance(_imputation_dates,  Unset):
            imputation_dates = UNSET
        else:
            imputation_dates = UpdateCustomerInvoiceFinalizedCustomerInvoiceInvoiceLinesUpdateItemImputationDates.from_dict(_imputation_dates)




        update_customer_invoice_finalized_customer_invoice_invoice_lines_update_item = cls(
            id=id,
            imputation_dates=imputation_dates,
        )

        return update_customer_invoice_finalized_customer_invoice_invoice_lines_update_item

