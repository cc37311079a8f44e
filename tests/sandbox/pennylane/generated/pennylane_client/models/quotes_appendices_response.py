from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="QuotesAppendicesResponse")



@_attrs_define
class QuotesAppendicesResponse:
    """ 
        Attributes:
            id (int):
            url (str): URL to the uploaded file. Example: https://www.pennylane.com/rails/active_storage/blobs/redirect/eyJf
                c..==--26d6e7391dd728fae2cde59bd3fbe4dd11e20a95/Invoice42.pdf.
            filename (str):
            created_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
     """

    id: int
    url: str
    filename: str
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        filename = self.filename

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "url": url,
            "filename": filename,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        filename = d.pop("filename")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        quotes_appendices_response = cls(
            id=id,
            url=url,
            filename=filename,
            created_at=created_at,
            updated_at=updated_at,
        )

        return quotes_appendices_response

