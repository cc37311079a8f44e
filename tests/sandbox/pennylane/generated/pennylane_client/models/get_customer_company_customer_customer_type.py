from enum import StrEnum

class GetCustomerCompanyCustomerCustomerType(StrEnum):
    COMPANY = "company"

    def __str__(self) -> str:
        return str(self.value)
