from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="JournalsResponse")



@_attrs_define
class JournalsResponse:
    """ 
        Attributes:
            code (str):
            id (int):
            label (str):
            type_ (str):
     """

    code: str
    id: int
    label: str
    type_: str





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        id = self.id

        label = self.label

        type_ = self.type_


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "id": id,
            "label": label,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        id = d.pop("id")

        label = d.pop("label")

        type_ = d.pop("type")

        journals_response = cls(
            code=code,
            id=id,
            label=label,
            type_=type_,
        )

        return journals_response

