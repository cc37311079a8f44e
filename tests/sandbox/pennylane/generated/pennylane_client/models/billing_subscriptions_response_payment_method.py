from enum import StrEnum

class BillingSubscriptionsResponsePaymentMethod(StrEnum):
    GOCARDLESS_DIRECT_DEBIT = "gocardless_direct_debit"
    OFFLINE = "offline"
    PRO_ACCOUNT_SEPA_CORE = "pro_account_sepa_core"

    def __str__(self) -> str:
        return str(self.value)
