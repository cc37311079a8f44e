from enum import StrEnum

class AccountType(StrEnum):
    CARD = "card"
    CHECKING = "checking"
    CURRENT = "current"
    LIFE_INSURANCE = "life_insurance"
    LOAN = "loan"
    OTHER = "other"
    SAVINGS = "savings"
    SHARES = "shares"

    def __str__(self) -> str:
        return str(self.value)
