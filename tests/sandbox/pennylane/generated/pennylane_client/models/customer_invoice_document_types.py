from enum import StrEnum

class CustomerInvoiceDocumentTypes(StrEnum):
    PROFORMA = "proforma"
    PURCHASING_ORDER = "purchasing_order"
    SHIPPING_ORDER = "shipping_order"

    def __str__(self) -> str:
        return str(self.value)
