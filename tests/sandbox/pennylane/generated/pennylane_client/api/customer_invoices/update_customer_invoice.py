from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.update_customer_invoice_draft_customer_invoice import UpdateCustomerInvoiceDraftCustomerInvoice
from ...models.update_customer_invoice_finalized_customer_invoice import UpdateCustomerInvoiceFinalizedCustomerInvoice
from ...models.update_customer_invoice_response_200 import UpdateCustomerInvoiceResponse200
from ...models.update_customer_invoice_response_400_type_0 import UpdateCustomerInvoiceResponse400Type0
from ...models.update_customer_invoice_response_400_type_1 import UpdateCustomerInvoiceResponse400Type1
from ...models.update_customer_invoice_response_400_type_2 import UpdateCustomerInvoiceResponse400Type2
from ...models.update_customer_invoice_response_400_type_3 import UpdateCustomerInvoiceResponse400Type3
from ...models.update_customer_invoice_response_400_type_4 import UpdateCustomerInvoiceResponse400Type4
from ...models.update_customer_invoice_response_400_type_5 import UpdateCustomerInvoiceResponse400Type5
from ...models.update_customer_invoice_response_401 import UpdateCustomerInvoiceResponse401
from ...models.update_customer_invoice_response_403 import UpdateCustomerInvoiceResponse403
from ...models.update_customer_invoice_response_404 import UpdateCustomerInvoiceResponse404
from ...models.update_customer_invoice_response_422 import UpdateCustomerInvoiceResponse422
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    id: int,
    *,
    body: UpdateCustomerInvoiceDraftCustomerInvoice | UpdateCustomerInvoiceFinalizedCustomerInvoice,
    use_2026_api_changes: bool | Unset = True,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    params: dict[str, Any] = {}

    params["use_2026_api_changes"] = use_2026_api_changes


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/external/v2/customer_invoices/{id}".format(id=quote(str(id), safe=""),),
        "params": params,
    }

    
    if isinstance(body, UpdateCustomerInvoiceDraftCustomerInvoice):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()


    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> UpdateCustomerInvoiceResponse200 | UpdateCustomerInvoiceResponse400Type0 | UpdateCustomerInvoiceResponse400Type1 | UpdateCustomerInvoiceResponse400Type2 | UpdateCustomerInvoiceResponse400Type3 | UpdateCustomerInvoiceResponse400Type4 | UpdateCustomerInvoiceResponse400Type5 | UpdateCustomerInvoiceResponse401 | UpdateCustomerInvoiceResponse403 | UpdateCustomerInvoiceResponse404 | UpdateCustomerInvoiceResponse422 | None:
    if response.status_code == 200:
        response_200 = UpdateCustomerInvoiceResponse200.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        def _parse_response_400(data: object) -> UpdateCustomerInvoiceResponse400Type0 | UpdateCustomerInvoiceResponse400Type1 | UpdateCustomerInvoiceResponse400Type2 | UpdateCustomerInvoiceResponse400Type3 | UpdateCustomerInvoiceResponse400Type4 | UpdateCustomerInvoiceResponse400Type5:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_0 = UpdateCustomerInvoiceResponse400Type0.from_dict(data)



                return response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_1 = UpdateCustomerInvoiceResponse400Type1.from_dict(data)



                return response_400_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_2 = UpdateCustomerInvoiceResponse400Type2.from_dict(data)



                return response_400_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_3 = UpdateCustomerInvoiceResponse400Type3.from_dict(data)



                return response_400_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_4 = UpdateCustomerInvoiceResponse400Type4.from_dict(data)



                return response_400_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_400_type_5 = UpdateCustomerInvoiceResponse400Type5.from_dict(data)



            return response_400_type_5

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = UpdateCustomerInvoiceResponse401.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = UpdateCustomerInvoiceResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = UpdateCustomerInvoiceResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = UpdateCustomerInvoiceResponse422.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[UpdateCustomerInvoiceResponse200 | UpdateCustomerInvoiceResponse400Type0 | UpdateCustomerInvoiceResponse400Type1 | UpdateCustomerInvoiceResponse400Type2 | UpdateCustomerInvoiceResponse400Type3 | UpdateCustomerInvoiceResponse400Type4 | UpdateCustomerInvoiceResponse400Type5 | UpdateCustomerInvoiceResponse401 | UpdateCustomerInvoiceResponse403 | UpdateCustomerInvoiceResponse404 | UpdateCustomerInvoiceResponse422]:
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
    body: UpdateCustomerInvoiceDraftCustomerInvoice | UpdateCustomerInvoiceFinalizedCustomerInvoice,
    use_2026_api_changes: bool | Unset = True,

) -> Response[UpdateCustomerInvoiceResponse200 | UpdateCustomerInvoiceResponse400Type0 | UpdateCustomerInvoiceResponse400Type1 | UpdateCustomerInvoiceResponse400Type2 | UpdateCustomerInvoiceResponse400Type3 | UpdateCustomerInvoiceResponse400Type4 | UpdateCustomerInvoiceResponse400Type5 | UpdateCustomerInvoiceResponse401 | UpdateCustomerInvoiceResponse403 | UpdateCustomerInvoiceResponse404 | UpdateCustomerInvoiceResponse422]:
    """ Update a customer invoice

     Update a customer invoice

    > ℹ️
    > This endpoint requires the following scope: `customer_invoices:all`

    Args:
        id (int):
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.
        body (UpdateCustomerInvoiceDraftCustomerInvoice |
            UpdateCustomerInvoiceFinalizedCustomerInvoice):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UpdateCustomerInvoiceResponse200 | UpdateCustomerInvoiceResponse400Type0 | UpdateCustomerInvoiceResponse400Type1 | UpdateCustomerInvoiceResponse400Type2 | UpdateCustomerInvoiceResponse400Type3 | UpdateCustomerInvoiceResponse400Type4 | UpdateCustomerInvoiceResponse400Type5 | UpdateCustomerInvoiceResponse401 | UpdateCustomerInvoiceResponse403 | UpdateCustomerInvoiceResponse404 | UpdateCustomerInvoiceResponse422]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,
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
    body: UpdateCustomerInvoiceDraftCustomerInvoice | UpdateCustomerInvoiceFinalizedCustomerInvoice,
    use_2026_api_changes: bool | Unset = True,

) -> UpdateCustomerInvoiceResponse200 | UpdateCustomerInvoiceResponse400Type0 | UpdateCustomerInvoiceResponse400Type1 | UpdateCustomerInvoiceResponse400Type2 | UpdateCustomerInvoiceResponse400Type3 | UpdateCustomerInvoiceResponse400Type4 | UpdateCustomerInvoiceResponse400Type5 | UpdateCustomerInvoiceResponse401 | UpdateCustomerInvoiceResponse403 | UpdateCustomerInvoiceResponse404 | UpdateCustomerInvoiceResponse422 | None:
    """ Update a customer invoice

     Update a customer invoice

    > ℹ️
    > This endpoint requires the following scope: `customer_invoices:all`

    Args:
        id (int):
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.
        body (UpdateCustomerInvoiceDraftCustomerInvoice |
            UpdateCustomerInvoiceFinalizedCustomerInvoice):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UpdateCustomerInvoiceResponse200 | UpdateCustomerInvoiceResponse400Type0 | UpdateCustomerInvoiceResponse400Type1 | UpdateCustomerInvoiceResponse400Type2 | UpdateCustomerInvoiceResponse400Type3 | UpdateCustomerInvoiceResponse400Type4 | UpdateCustomerInvoiceResponse400Type5 | UpdateCustomerInvoiceResponse401 | UpdateCustomerInvoiceResponse403 | UpdateCustomerInvoiceResponse404 | UpdateCustomerInvoiceResponse422
     """


    return sync_detailed(
        id=id,
client=client,
body=body,
use_2026_api_changes=use_2026_api_changes,

    ).parsed

async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: UpdateCustomerInvoiceDraftCustomerInvoice | UpdateCustomerInvoiceFinalizedCustomerInvoice,
    use_2026_api_changes: bool | Unset = True,

) -> Response[UpdateCustomerInvoiceResponse200 | UpdateCustomerInvoiceResponse400Type0 | UpdateCustomerInvoiceResponse400Type1 | UpdateCustomerInvoiceResponse400Type2 | UpdateCustomerInvoiceResponse400Type3 | UpdateCustomerInvoiceResponse400Type4 | UpdateCustomerInvoiceResponse400Type5 | UpdateCustomerInvoiceResponse401 | UpdateCustomerInvoiceResponse403 | UpdateCustomerInvoiceResponse404 | UpdateCustomerInvoiceResponse422]:
    """ Update a customer invoice

     Update a customer invoice

    > ℹ️
    > This endpoint requires the following scope: `customer_invoices:all`

    Args:
        id (int):
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.
        body (UpdateCustomerInvoiceDraftCustomerInvoice |
            UpdateCustomerInvoiceFinalizedCustomerInvoice):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UpdateCustomerInvoiceResponse200 | UpdateCustomerInvoiceResponse400Type0 | UpdateCustomerInvoiceResponse400Type1 | UpdateCustomerInvoiceResponse400Type2 | UpdateCustomerInvoiceResponse400Type3 | UpdateCustomerInvoiceResponse400Type4 | UpdateCustomerInvoiceResponse400Type5 | UpdateCustomerInvoiceResponse401 | UpdateCustomerInvoiceResponse403 | UpdateCustomerInvoiceResponse404 | UpdateCustomerInvoiceResponse422]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,
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
    body: UpdateCustomerInvoiceDraftCustomerInvoice | UpdateCustomerInvoiceFinalizedCustomerInvoice,
    use_2026_api_changes: bool | Unset = True,

) -> UpdateCustomerInvoiceResponse200 | UpdateCustomerInvoiceResponse400Type0 | UpdateCustomerInvoiceResponse400Type1 | UpdateCustomerInvoiceResponse400Type2 | UpdateCustomerInvoiceResponse400Type3 | UpdateCustomerInvoiceResponse400Type4 | UpdateCustomerInvoiceResponse400Type5 | UpdateCustomerInvoiceResponse401 | UpdateCustomerInvoiceResponse403 | UpdateCustomerInvoiceResponse404 | UpdateCustomerInvoiceResponse422 | None:
    """ Update a customer invoice

     Update a customer invoice

    > ℹ️
    > This endpoint requires the following scope: `customer_invoices:all`

    Args:
        id (int):
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.
        body (UpdateCustomerInvoiceDraftCustomerInvoice |
            UpdateCustomerInvoiceFinalizedCustomerInvoice):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UpdateCustomerInvoiceResponse200 | UpdateCustomerInvoiceResponse400Type0 | UpdateCustomerInvoiceResponse400Type1 | UpdateCustomerInvoiceResponse400Type2 | UpdateCustomerInvoiceResponse400Type3 | UpdateCustomerInvoiceResponse400Type4 | UpdateCustomerInvoiceResponse400Type5 | UpdateCustomerInvoiceResponse401 | UpdateCustomerInvoiceResponse403 | UpdateCustomerInvoiceResponse404 | UpdateCustomerInvoiceResponse422
     """


    return (await asyncio_detailed(
        id=id,
client=client,
body=body,
use_2026_api_changes=use_2026_api_changes,

    )).parsed
