from enum import StrEnum

class BillingSubscriptionStatus(StrEnum):
    DRAFT = "draft"
    FINISHED = "finished"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"
    PENDING = "pending"
    STOPPED = "stopped"

    def __str__(self) -> str:
        return str(self.value)
