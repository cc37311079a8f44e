from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="BankEstablishmentsResponse")



@_attrs_define
class BankEstablishmentsResponse:
    """ 
        Attributes:
            id (int):  Example: 1.
            name (str): Bank establishment name Example: Bank 1.
            created_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
     """

    id: int
    name: str
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "name": name,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        bank_establishments_response = cls(
            id=id,
            name=name,
            created_at=created_at,
            updated_at=updated_at,
        )

        return bank_establishments_response

