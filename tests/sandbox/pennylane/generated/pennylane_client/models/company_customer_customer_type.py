from enum import StrEnum

class CompanyCustomerCustomerType(StrEnum):
    COMPANY = "company"

    def __str__(self) -> str:
        return str(self.value)
