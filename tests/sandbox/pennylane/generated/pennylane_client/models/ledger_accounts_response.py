from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="LedgerAccountsResponse")



@_attrs_define
class LedgerAccountsResponse:
    """ 
        Attributes:
            id (int):  Example: 124.
            number (str):  Example: 512.
            label (str):  Example: Secondary Account.
            vat_rate (str): Ledger Account's VAT rate in percentage Example: any.
            country_alpha2 (str): Ledger Account's country code (alpha2) Example: FR.
            enabled (bool):  Example: True.
            type_ (str):  Example: custom.
            letterable (bool):  Example: False.
            created_at (datetime.datetime): The time the ledger account has been created Example:
                2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime): The last time the ledger account has been updated Example:
                2023-08-30T10:08:08.146343Z.
     """

    id: int
    number: str
    label: str
    vat_rate: str
    country_alpha2: str
    enabled: bool
    type_: str
    letterable: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        label = self.label

        vat_rate = self.vat_rate

        country_alpha2 = self.country_alpha2

        enabled = self.enabled

        type_ = self.type_

        letterable = self.letterable

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "number": number,
            "label": label,
            "vat_rate": vat_rate,
            "country_alpha2": country_alpha2,
            "enabled": enabled,
            "type": type_,
            "letterable": letterable,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        label = d.pop("label")

        vat_rate = d.pop("vat_rate")

        country_alpha2 = d.pop("country_alpha2")

        enabled = d.pop("enabled")

        type_ = d.pop("type")

        letterable = d.pop("letterable")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        ledger_accounts_response = cls(
            id=id,
            number=number,
            label=label,
            vat_rate=vat_rate,
            country_alpha2=country_alpha2,
            enabled=enabled,
            type_=type_,
            letterable=letterable,
            created_at=created_at,
            updated_at=updated_at,
        )

        return ledger_accounts_response

