from enum import StrEnum

class BillingSubscriptionsResponseRecurringRuleRuleType(StrEnum):
    MONTHLY = "monthly"
    WEEKLY = "weekly"
    YEARLY = "yearly"

    def __str__(self) -> str:
        return str(self.value)
