from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.dispute_reason import DisputeReason
from ..models.dispute_status import DisputeStatus






T = TypeVar("T", bound="Dispute")



@_attrs_define
class Dispute:
    """ 
        Attributes:
            status (DisputeStatus):
            reason (DisputeReason):
     """

    status: DisputeStatus
    reason: DisputeReason





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
        status = DisputeStatus(d.pop("status"))




        reason = DisputeReason(d.pop("reason"))




        dispute = cls(
            status=status,
            reason=reason,
        )

        return dispute

