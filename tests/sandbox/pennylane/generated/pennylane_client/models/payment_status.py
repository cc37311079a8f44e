from enum import StrEnum

class PaymentStatus(StrEnum):
    ABORTED = "aborted"
    CANCELLED = "cancelled"
    CHARGED_BACK = "charged_back"
    CONFIRMED = "confirmed"
    CUSTOMER_APPROVAL_DENIED = "customer_approval_denied"
    DRAFT = "draft"
    EMITTED = "emitted"
    ERROR = "error"
    FAILED = "failed"
    FOUND = "found"
    INITIATED = "initiated"
    NOT_FOUND = "not_found"
    PAID_OUT = "paid_out"
    PENDING = "pending"
    PENDING_CUSTOMER_APPROVAL = "pending_customer_approval"
    PENDING_SUBMISSION = "pending_submission"
    PREPARED = "prepared"
    REFUNDED = "refunded"
    RESUBMISSION_REQUESTED = "resubmission_requested"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
