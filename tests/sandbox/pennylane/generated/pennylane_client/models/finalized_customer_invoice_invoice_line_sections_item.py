from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="FinalizedCustomerInvoiceInvoiceLineSectionsItem")



@_attrs_define
class FinalizedCustomerInvoiceInvoiceLineSectionsItem:
    """ 
        Attributes:
            rank (int): Defines the order in which sections will be displayed on the invoice. Each section has to have a
                different rank, starting from 1 and incrementing next values by 1 Example: 1.
            title (str | Unset): Title of the invoice line section Example: Invoice line section title.
            description (str | Unset): Description of the invoice line section Example: Description of the invoice line
                section.
     """

    rank: int
    title: str | Unset = UNSET
    description: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        rank = self.rank

        title = self.title

        description = self.description


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "rank": rank,
        })
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rank = d.pop("rank")

        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        finalized_customer_invoice_invoice_line_sections_item = cls(
            rank=rank,
            title=title,
            description=description,
        )

        return finalized_customer_invoice_invoice_line_sections_item

