from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="QuotesInvoiceLineSectionsResponse")



@_attrs_define
class QuotesInvoiceLineSectionsResponse:
    """ 
        Attributes:
            id (int): Invoice line section id Example: 444.
            title (None | str): Invoice line section label Example: Section #1.
            description (None | str): Invoice line section description Example: Lorem ipsum dolor sit amet, consectetur
                adipiscing elit, sed do eiusmod tempor.
            rank (int): The rank of the section in the quote. The rank is used to order the sections in the quote. Example:
                1.
            created_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
     """

    id: int
    title: None | str
    description: None | str
    rank: int
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title: None | str
        title = self.title

        description: None | str
        description = self.description

        rank = self.rank

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "title": title,
            "description": description,
            "rank": rank,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))


        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        rank = d.pop("rank")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        quotes_invoice_line_sections_response = cls(
            id=id,
            title=title,
            description=description,
            rank=rank,
            created_at=created_at,
            updated_at=updated_at,
        )

        return quotes_invoice_line_sections_response

