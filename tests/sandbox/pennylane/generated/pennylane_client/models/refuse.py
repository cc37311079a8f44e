from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.refuse_reason import RefuseReason
from ..models.refuse_status import RefuseStatus






T = TypeVar("T", bound="Refuse")



@_attrs_define
class Refuse:
    """ 
        Attributes:
            status (RefuseStatus):
            reason (RefuseReason):
     """

    status: RefuseStatus
    reason: RefuseReason





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        reason = self.reason.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = RefuseStatus(d.pop("status"))




        reason = RefuseReason(d.pop("reason"))




        refuse = cls(
            status=status,
            reason=reason,
        )

        return refuse

