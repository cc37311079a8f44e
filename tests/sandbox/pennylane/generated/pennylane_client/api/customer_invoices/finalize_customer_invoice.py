from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.finalize_customer_invoice_response_200 import FinalizeCustomerInvoiceResponse200
from ...models.finalize_customer_invoice_response_400_type_0 import FinalizeCustomerInvoiceResponse400Type0
from ...models.finalize_customer_invoice_response_400_type_1 import FinalizeCustomerInvoiceResponse400Type1
from ...models.finalize_customer_invoice_response_400_type_2 import FinalizeCustomerInvoiceResponse400Type2
from ...models.finalize_customer_invoice_response_400_type_3 import FinalizeCustomerInvoiceResponse400Type3
from ...models.finalize_customer_invoice_response_400_type_4 import FinalizeCustomerInvoiceResponse400Type4
from ...models.finalize_customer_invoice_response_400_type_5 import FinalizeCustomerInvoiceResponse400Type5
from ...models.finalize_customer_invoice_response_401 import FinalizeCustomerInvoiceResponse401
from ...models.finalize_customer_invoice_response_403 import FinalizeCustomerInvoiceResponse403
from ...models.finalize_customer_invoice_response_404 import FinalizeCustomerInvoiceResponse404
from ...models.finalize_customer_invoice_response_422 import FinalizeCustomerInvoiceResponse422
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    id: int,
    *,
    use_2026_api_changes: bool | Unset = True,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["use_2026_api_changes"] = use_2026_api_changes


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/external/v2/customer_invoices/{id}/finalize".format(id=quote(str(id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FinalizeCustomerInvoiceResponse200 | FinalizeCustomerInvoiceResponse400Type0 | FinalizeCustomerInvoiceResponse400Type1 | FinalizeCustomerInvoiceResponse400Type2 | FinalizeCustomerInvoiceResponse400Type3 | FinalizeCustomerInvoiceResponse400Type4 | FinalizeCustomerInvoiceResponse400Type5 | FinalizeCustomerInvoiceResponse401 | FinalizeCustomerInvoiceResponse403 | FinalizeCustomerInvoiceResponse404 | FinalizeCustomerInvoiceResponse422 | None:
    if response.status_code == 200:
        response_200 = FinalizeCustomerInvoiceResponse200.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        def _parse_response_400(data: object) -> FinalizeCustomerInvoiceResponse400Type0 | FinalizeCustomerInvoiceResponse400Type1 | FinalizeCustomerInvoiceResponse400Type2 | FinalizeCustomerInvoiceResponse400Type3 | FinalizeCustomerInvoiceResponse400Type4 | FinalizeCustomerInvoiceResponse400Type5:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_0 = FinalizeCustomerInvoiceResponse400Type0.from_dict(data)



                return response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_1 = FinalizeCustomerInvoiceResponse400Type1.from_dict(data)



                return response_400_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_2 = FinalizeCustomerInvoiceResponse400Type2.from_dict(data)



                return response_400_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_3 = FinalizeCustomerInvoiceResponse400Type3.from_dict(data)



                return response_400_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_4 = FinalizeCustomerInvoiceResponse400Type4.from_dict(data)



                return response_400_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_400_type_5 = FinalizeCustomerInvoiceResponse400Type5.from_dict(data)



            return response_400_type_5

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = FinalizeCustomerInvoiceResponse401.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = FinalizeCustomerInvoiceResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = FinalizeCustomerInvoiceResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = FinalizeCustomerInvoiceResponse422.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[FinalizeCustomerInvoiceResponse200 | FinalizeCustomerInvoiceResponse400Type0 | FinalizeCustomerInvoiceResponse400Type1 | FinalizeCustomerInvoiceResponse400Type2 | FinalizeCustomerInvoiceResponse400Type3 | FinalizeCustomerInvoiceResponse400Type4 | FinalizeCustomerInvoiceResponse400Type5 | FinalizeCustomerInvoiceResponse401 | FinalizeCustomerInvoiceResponse403 | FinalizeCustomerInvoiceResponse404 | FinalizeCustomerInvoiceResponse422]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    use_2026_api_changes: bool | Unset = True,

) -> Response[FinalizeCustomerInvoiceResponse200 | FinalizeCustomerInvoiceResponse400Type0 | FinalizeCustomerInvoiceResponse400Type1 | FinalizeCustomerInvoiceResponse400Type2 | FinalizeCustomerInvoiceResponse400Type3 | FinalizeCustomerInvoiceResponse400Type4 | FinalizeCustomerInvoiceResponse400Type5 | FinalizeCustomerInvoiceResponse401 | FinalizeCustomerInvoiceResponse403 | FinalizeCustomerInvoiceResponse404 | FinalizeCustomerInvoiceResponse422]:
    """ Turn the draft invoice into a finalized invoice.

     Convert the draft customer invoice or credit note into a finalized
    one. Once finalized, the resource can no longer be edited.


    > ℹ️
    > This endpoint requires the following scope: `customer_invoices:all`

    Args:
        id (int):
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FinalizeCustomerInvoiceResponse200 | FinalizeCustomerInvoiceResponse400Type0 | FinalizeCustomerInvoiceResponse400Type1 | FinalizeCustomerInvoiceResponse400Type2 | FinalizeCustomerInvoiceResponse400Type3 | FinalizeCustomerInvoiceResponse400Type4 | FinalizeCustomerInvoiceResponse400Type5 | FinalizeCustomerInvoiceResponse401 | FinalizeCustomerInvoiceResponse403 | FinalizeCustomerInvoiceResponse404 | FinalizeCustomerInvoiceResponse422]
     """


    kwargs = _get_kwargs(
        id=id,
use_2026_api_changes=use_2026_api_changes,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    use_2026_api_changes: bool | Unset = True,

) -> FinalizeCustomerInvoiceResponse200 | FinalizeCustomerInvoiceResponse400Type0 | FinalizeCustomerInvoiceResponse400Type1 | FinalizeCustomerInvoiceResponse400Type2 | FinalizeCustomerInvoiceResponse400Type3 | FinalizeCustomerInvoiceResponse400Type4 | FinalizeCustomerInvoiceResponse400Type5 | FinalizeCustomerInvoiceResponse401 | FinalizeCustomerInvoiceResponse403 | FinalizeCustomerInvoiceResponse404 | FinalizeCustomerInvoiceResponse422 | None:
    """ Turn the draft invoice into a finalized invoice.

     Convert the draft customer invoice or credit note into a finalized
    one. Once finalized, the resource can no longer be edited.


    > ℹ️
    > This endpoint requires the following scope: `customer_invoices:all`

    Args:
        id (int):
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FinalizeCustomerInvoiceResponse200 | FinalizeCustomerInvoiceResponse400Type0 | FinalizeCustomerInvoiceResponse400Type1 | FinalizeCustomerInvoiceResponse400Type2 | FinalizeCustomerInvoiceResponse400Type3 | FinalizeCustomerInvoiceResponse400Type4 | FinalizeCustomerInvoiceResponse400Type5 | FinalizeCustomerInvoiceResponse401 | FinalizeCustomerInvoiceResponse403 | FinalizeCustomerInvoiceResponse404 | FinalizeCustomerInvoiceResponse422
     """


    return sync_detailed(
        id=id,
client=client,
use_2026_api_changes=use_2026_api_changes,

    ).parsed

async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    use_2026_api_changes: bool | Unset = True,

) -> Response[FinalizeCustomerInvoiceResponse200 | FinalizeCustomerInvoiceResponse400Type0 | FinalizeCustomerInvoiceResponse400Type1 | FinalizeCustomerInvoiceResponse400Type2 | FinalizeCustomerInvoiceResponse400Type3 | FinalizeCustomerInvoiceResponse400Type4 | FinalizeCustomerInvoiceResponse400Type5 | FinalizeCustomerInvoiceResponse401 | FinalizeCustomerInvoiceResponse403 | FinalizeCustomerInvoiceResponse404 | FinalizeCustomerInvoiceResponse422]:
    """ Turn the draft invoice into a finalized invoice.

     Convert the draft customer invoice or credit note into a finalized
    one. Once finalized, the resource can no longer be edited.


    > ℹ️
    > This endpoint requires the following scope: `customer_invoices:all`

    Args:
        id (int):
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FinalizeCustomerInvoiceResponse200 | FinalizeCustomerInvoiceResponse400Type0 | FinalizeCustomerInvoiceResponse400Type1 | FinalizeCustomerInvoiceResponse400Type2 | FinalizeCustomerInvoiceResponse400Type3 | FinalizeCustomerInvoiceResponse400Type4 | FinalizeCustomerInvoiceResponse400Type5 | FinalizeCustomerInvoiceResponse401 | FinalizeCustomerInvoiceResponse403 | FinalizeCustomerInvoiceResponse404 | FinalizeCustomerInvoiceResponse422]
     """


    kwargs = _get_kwargs(
        id=id,
use_2026_api_changes=use_2026_api_changes,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    use_2026_api_changes: bool | Unset = True,

) -> FinalizeCustomerInvoiceResponse200 | FinalizeCustomerInvoiceResponse400Type0 | FinalizeCustomerInvoiceResponse400Type1 | FinalizeCustomerInvoiceResponse400Type2 | FinalizeCustomerInvoiceResponse400Type3 | FinalizeCustomerInvoiceResponse400Type4 | FinalizeCustomerInvoiceResponse400Type5 | FinalizeCustomerInvoiceResponse401 | FinalizeCustomerInvoiceResponse403 | FinalizeCustomerInvoiceResponse404 | FinalizeCustomerInvoiceResponse422 | None:
    """ Turn the draft invoice into a finalized invoice.

     Convert the draft customer invoice or credit note into a finalized
    one. Once finalized, the resource can no longer be edited.


    > ℹ️
    > This endpoint requires the following scope: `customer_invoices:all`

    Args:
        id (int):
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FinalizeCustomerInvoiceResponse200 | FinalizeCustomerInvoiceResponse400Type0 | FinalizeCustomerInvoiceResponse400Type1 | FinalizeCustomerInvoiceResponse400Type2 | FinalizeCustomerInvoiceResponse400Type3 | FinalizeCustomerInvoiceResponse400Type4 | FinalizeCustomerInvoiceResponse400Type5 | FinalizeCustomerInvoiceResponse401 | FinalizeCustomerInvoiceResponse403 | FinalizeCustomerInvoiceResponse404 | FinalizeCustomerInvoiceResponse422
     """


    return (await asyncio_detailed(
        id=id,
client=client,
use_2026_api_changes=use_2026_api_changes,

    )).parsed
