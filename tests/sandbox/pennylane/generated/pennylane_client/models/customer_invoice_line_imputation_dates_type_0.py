from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CustomerInvoiceLineImputationDatesType0")



@_attrs_define
class CustomerInvoiceLineImputationDatesType0:
    """ 
        Attributes:
            start_date (datetime.date): Start date of the imputation period (ISO 8601) Example: 2020-06-30.
            end_date (datetime.date): End date of the imputation period (ISO 8601) Example: 2021-06-30.
     """

    start_date: datetime.date
    end_date: datetime.date





    def to_dict(self) -> dict[str, Any]:
        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "start_date": start_date,
            "end_date": end_date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start_date = datetime.date.fromisoformat(d.pop("start_date"))




        end_date = datetime.date.fromisoformat(d.pop("end_date"))




        customer_invoice_line_imputation_dates_type_0 = cls(
            start_date=start_date,
            end_date=end_date,
        )

        return customer_invoice_line_imputation_dates_type_0

