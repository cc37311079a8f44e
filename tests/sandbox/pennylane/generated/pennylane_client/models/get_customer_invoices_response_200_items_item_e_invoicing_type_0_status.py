from enum import StrEnum

class GetCustomerInvoicesResponse200ItemsItemEInvoicingType0Status(StrEnum):
    ACCEPTED = "accepted"
    APPROVED = "approved"
    COLLECTED = "collected"
    IN_DISPUTE = "in_dispute"
    PARTIALLY_COLLECTED = "partially_collected"
    REFUSED = "refused"
    REJECTED = "rejected"
    SENT = "sent"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
