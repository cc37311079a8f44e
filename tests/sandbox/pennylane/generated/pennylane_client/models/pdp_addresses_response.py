from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.pdp_addresses_response_exchange_direction import PDPAddressesResponseExchangeDirection
from ..models.pdp_addresses_response_status import PDPAddressesResponseStatus
from typing import cast
import datetime






T = TypeVar("T", bound="PDPAddressesResponse")



@_attrs_define
class PDPAddressesResponse:
    """ 
        Attributes:
            id (int):  Example: 1.
            siret (None | str): Establishment SIRET when the row is establishment-level; empty string when the row is SIREN-
                level (head office).
                 Example: 98493148500010.
            siren (str):  Example: 993369859.
            status (PDPAddressesResponseStatus):  Example: provisioned.
            exchange_direction (PDPAddressesResponseExchangeDirection):  Example: emission_and_reception.
            created_at (datetime.datetime):  Example: 2026-02-23T10:53:00.000Z.
            updated_at (datetime.datetime):  Example: 2026-02-23T10:53:00.000Z.
     """

    id: int
    siret: None | str
    siren: str
    status: PDPAddressesResponseStatus
    exchange_direction: PDPAddressesResponseExchangeDirection
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        siret: None | str
        siret = self.siret

        siren = self.siren

        status = self.status.value

        exchange_direction = self.exchange_direction.value

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "siret": siret,
            "siren": siren,
            "status": status,
            "exchange_direction": exchange_direction,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_siret(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        siret = _parse_siret(d.pop("siret"))


        siren = d.pop("siren")

        status = PDPAddressesResponseStatus(d.pop("status"))




        exchange_direction = PDPAddressesResponseExchangeDirection(d.pop("exchange_direction"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        pdp_addresses_response = cls(
            id=id,
            siret=siret,
            siren=siren,
            status=status,
            exchange_direction=exchange_direction,
            created_at=created_at,
            updated_at=updated_at,
        )

        return pdp_addresses_response

