from enum import StrEnum

class WebhookSubscriptionsEventsItem(StrEnum):
    CUSTOMER_INVOICE_CREATED = "customer_invoice.created"
    DMS_FILE_CREATED = "dms_file.created"
    QUOTE_CREATED = "quote.created"

    def __str__(self) -> str:
        return str(self.value)
