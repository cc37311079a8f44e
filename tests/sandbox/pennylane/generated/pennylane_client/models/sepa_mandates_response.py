from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.sepa_mandates_response_sequence_type import SepaMandatesResponseSequenceType
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.sepa_mandates_response_customer import SepaMandatesResponseCustomer





T = TypeVar("T", bound="SepaMandatesResponse")



@_attrs_define
class SepaMandatesResponse:
    """ 
        Attributes:
            id (int): ID of the created SEPA mandate Example: 12345.
            bank (None | str): Name of the customer's bank Example: BNP Paribas.
            bic (str): Bank Identifier Code (BIC) of the customer's bank Example: BNPAFRPP.
            iban (str): International Bank Account Number (IBAN) of the customer Example: FR3612739000506556687647Z31.
            sequence_type (SepaMandatesResponseSequenceType): SEPA mandate sequence type that defines the payment process.
                - `FRST`: First payment in a series of recurring payments
                - `OOFF`: One-off payment
                - `RCUR`: Recurring payment that is not the first payment
                - `FNAL`: Final payment in a series of recurring payments
                 Default: SepaMandatesResponseSequenceType.RCUR. Example: RCUR.
            signed_at (datetime.date): Date when the mandate was signed Example: 2025-04-24.
            identifier (str): Unique identifier for the mandate Example: K-02-2023-12345.
            customer (SepaMandatesResponseCustomer):
            created_at (datetime.datetime): Creation date of the SEPA mandate Example: 2023-08-07T14:23:12.000Z.
            updated_at (datetime.datetime): Last update date of the SEPA mandate Example: 2023-08-07T14:23:12.000Z.
     """

    id: int
    bank: None | str
    bic: str
    iban: str
    signed_at: datetime.date
    identifier: str
    customer: SepaMandatesResponseCustomer
    created_at: datetime.datetime
    updated_at: datetime.datetime
    sequence_type: SepaMandatesResponseSequenceType = SepaMandatesResponseSequenceType.RCUR





    def to_dict(self) -> dict[str, Any]:
        from ..models.sepa_mandates_response_customer import SepaMandatesResponseCustomer # noqa: PLC0415
        id = self.id

        bank: None | str
        bank = self.bank

        bic = self.bic

        iban = self.iban

        sequence_type = self.sequence_type.value

        signed_at = self.signed_at.isoformat()

        identifier = self.identifier

        customer = self.customer.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "bank": bank,
            "bic": bic,
            "iban": iban,
            "sequence_type": sequence_type,
            "signed_at": signed_at,
            "identifier": identifier,
            "customer": customer,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sepa_mandates_response_customer import SepaMandatesResponseCustomer # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_bank(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bank = _parse_bank(d.pop("bank"))


        bic = d.pop("bic")

        iban = d.pop("iban")

        sequence_type = SepaMandatesResponseSequenceType(d.pop("sequence_type"))




        signed_at = datetime.date.fromisoformat(d.pop("signed_at"))




        identifier = d.pop("identifier")

        customer = SepaMandatesResponseCustomer.from_dict(d.pop("customer"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        sepa_mandates_response = cls(
            id=id,
            bank=bank,
            bic=bic,
            iban=iban,
            sequence_type=sequence_type,
            signed_at=signed_at,
            identifier=identifier,
            customer=customer,
            created_at=created_at,
            updated_at=updated_at,
        )

        return sepa_mandates_response

