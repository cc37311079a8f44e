from enum import StrEnum

class BillingSubscriptionsResponseMode(StrEnum):
    AWAITING_VALIDATION = "awaiting_validation"
    EMAIL = "email"
    FINALIZED = "finalized"

    def __str__(self) -> str:
        return str(self.value)
