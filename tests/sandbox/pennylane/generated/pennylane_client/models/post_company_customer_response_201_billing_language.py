from enum import StrEnum

class PostCompanyCustomerResponse201BillingLanguage(StrEnum):
    DE_DE = "de_DE"
    EN_GB = "en_GB"
    FR_FR = "fr_FR"

    def __str__(self) -> str:
        return str(self.value)
