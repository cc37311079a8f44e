from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.bank_accounts_response_currency import BankAccountsResponseCurrency
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.bank_accounts_response_bank_establishment import BankAccountsResponseBankEstablishment
  from ..models.bank_accounts_response_journal_type_0 import BankAccountsResponseJournalType0
  from ..models.bank_accounts_response_ledger_account import BankAccountsResponseLedgerAccount





T = TypeVar("T", bound="BankAccountsResponse")



@_attrs_define
class BankAccountsResponse:
    """ 
        Attributes:
            id (int):  Example: 42.
            name (str):  Example: Main account.
            currency (BankAccountsResponseCurrency):  Default: BankAccountsResponseCurrency.EUR.
            balance (str):  Example: 100.15.
            created_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            updated_at (datetime.datetime):  Example: 2023-08-30T10:08:08.146343Z.
            bank_establishment (BankAccountsResponseBankEstablishment):
            journal (BankAccountsResponseJournalType0 | None):
            ledger_account (BankAccountsResponseLedgerAccount):
     """

    id: int
    name: str
    balance: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    bank_establishment: BankAccountsResponseBankEstablishment
    journal: BankAccountsResponseJournalType0 | None
    ledger_account: BankAccountsResponseLedgerAccount
    currency: BankAccountsResponseCurrency = BankAccountsResponseCurrency.EUR





    def to_dict(self) -> dict[str, Any]:
        from ..models.bank_accounts_response_bank_establishment import BankAccountsResponseBankEstablishment # noqa: PLC0415
        from ..models.bank_accounts_response_journal_type_0 import BankAccountsResponseJournalType0 # noqa: PLC0415
        from ..models.bank_accounts_response_ledger_account import BankAccountsResponseLedgerAccount # noqa: PLC0415
        id = self.id

        name = self.name

        currency = self.currency.value

        balance = self.balance

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        bank_establishment = self.bank_establishment.to_dict()

        journal: dict[str, Any] | None
        if isinstance(self.journal, BankAccountsResponseJournalType0):
            journal = self.journal.to_dict()
        else:
            journal = self.journal

        ledger_account = self.ledger_account.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "name": name,
            "currency": currency,
            "balance": balance,
            "created_at": created_at,
            "updated_at": updated_at,
            "bank_establishment": bank_establishment,
            "journal": journal,
            "ledger_account": ledger_account,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bank_accounts_response_bank_establishment import BankAccountsResponseBankEstablishment # noqa: PLC0415
        from ..models.bank_accounts_response_journal_type_0 import BankAccountsResponseJournalType0 # noqa: PLC0415
        from ..models.bank_accounts_response_ledger_account import BankAccountsResponseLedgerAccount # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        currency = BankAccountsResponseCurrency(d.pop("currency"))




        balance = d.pop("balance")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        bank_establishment = BankAccountsResponseBankEstablishment.from_dict(d.pop("bank_establishment"))




        def _parse_journal(data: object) -> BankAccountsResponseJournalType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                journal_type_0 = BankAccountsResponseJournalType0.from_dict(data)



                return journal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BankAccountsResponseJournalType0 | None, data)

        journal = _parse_journal(d.pop("journal"))


        ledger_account = BankAccountsResponseLedgerAccount.from_dict(d.pop("ledger_account"))




        bank_accounts_response = cls(
            id=id,
            name=name,
            currency=currency,
            balance=balance,
            created_at=created_at,
            updated_at=updated_at,
            bank_establishment=bank_establishment,
            journal=journal,
            ledger_account=ledger_account,
        )

        return bank_accounts_response

