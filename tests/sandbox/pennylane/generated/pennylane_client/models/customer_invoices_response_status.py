from enum import StrEnum

class CustomerInvoicesResponseStatus(StrEnum):
    ARCHIVED = "archived"
    CANCELLED = "cancelled"
    CREDIT_NOTE = "credit_note"
    DRAFT = "draft"
    ESTIMATE_ACCEPTED = "estimate_accepted"
    ESTIMATE_DENIED = "estimate_denied"
    ESTIMATE_INVOICED = "estimate_invoiced"
    ESTIMATE_PENDING = "estimate_pending"
    INCOMPLETE = "incomplete"
    LATE = "late"
    PAID = "paid"
    PARTIALLY_CANCELLED = "partially_cancelled"
    PARTIALLY_PAID = "partially_paid"
    PROFORMA = "proforma"
    PURCHASING_ORDER = "purchasing_order"
    SHIPPING_ORDER = "shipping_order"
    UPCOMING = "upcoming"

    def __str__(self) -> str:
        return str(self.value)
