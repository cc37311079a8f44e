from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.post_customer_invoices_draft_customer_invoice import PostCustomerInvoicesDraftCustomerInvoice
from ...models.post_customer_invoices_finalized_customer_invoice import PostCustomerInvoicesFinalizedCustomerInvoice
from ...models.post_customer_invoices_response_201 import PostCustomerInvoicesResponse201
from ...models.post_customer_invoices_response_400_type_0 import PostCustomerInvoicesResponse400Type0
from ...models.post_customer_invoices_response_400_type_1 import PostCustomerInvoicesResponse400Type1
from ...models.post_customer_invoices_response_400_type_2 import PostCustomerInvoicesResponse400Type2
from ...models.post_customer_invoices_response_400_type_3 import PostCustomerInvoicesResponse400Type3
from ...models.post_customer_invoices_response_400_type_4 import PostCustomerInvoicesResponse400Type4
from ...models.post_customer_invoices_response_400_type_5 import PostCustomerInvoicesResponse400Type5
from ...models.post_customer_invoices_response_401 import PostCustomerInvoicesResponse401
from ...models.post_customer_invoices_response_403 import PostCustomerInvoicesResponse403
from ...models.post_customer_invoices_response_404 import PostCustomerInvoicesResponse404
from ...models.post_customer_invoices_response_422 import PostCustomerInvoicesResponse422
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: PostCustomerInvoicesDraftCustomerInvoice | PostCustomerInvoicesFinalizedCustomerInvoice,
    use_2026_api_changes: bool | Unset = True,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    params: dict[str, Any] = {}

    params["use_2026_api_changes"] = use_2026_api_changes


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/external/v2/customer_invoices",
        "params": params,
    }

    
    if isinstance(body, PostCustomerInvoicesDraftCustomerInvoice):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()


    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PostCustomerInvoicesResponse201 | PostCustomerInvoicesResponse400Type0 | PostCustomerInvoicesResponse400Type1 | PostCustomerInvoicesResponse400Type2 | PostCustomerInvoicesResponse400Type3 | PostCustomerInvoicesResponse400Type4 | PostCustomerInvoicesResponse400Type5 | PostCustomerInvoicesResponse401 | PostCustomerInvoicesResponse403 | PostCustomerInvoicesResponse404 | PostCustomerInvoicesResponse422 | None:
    if response.status_code == 201:
        response_201 = PostCustomerInvoicesResponse201.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        def _parse_response_400(data: object) -> PostCustomerInvoicesResponse400Type0 | PostCustomerInvoicesResponse400Type1 | PostCustomerInvoicesResponse400Type2 | PostCustomerInvoicesResponse400Type3 | PostCustomerInvoicesResponse400Type4 | PostCustomerInvoicesResponse400Type5:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_0 = PostCustomerInvoicesResponse400Type0.from_dict(data)



                return response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_1 = PostCustomerInvoicesResponse400Type1.from_dict(data)



                return response_400_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_2 = PostCustomerInvoicesResponse400Type2.from_dict(data)



                return response_400_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_3 = PostCustomerInvoicesResponse400Type3.from_dict(data)



                return response_400_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_4 = PostCustomerInvoicesResponse400Type4.from_dict(data)



                return response_400_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_400_type_5 = PostCustomerInvoicesResponse400Type5.from_dict(data)



            return response_400_type_5

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = PostCustomerInvoicesResponse401.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = PostCustomerInvoicesResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = PostCustomerInvoicesResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = PostCustomerInvoicesResponse422.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PostCustomerInvoicesResponse201 | PostCustomerInvoicesResponse400Type0 | PostCustomerInvoicesResponse400Type1 | PostCustomerInvoicesResponse400Type2 | PostCustomerInvoicesResponse400Type3 | PostCustomerInvoicesResponse400Type4 | PostCustomerInvoicesResponse400Type5 | PostCustomerInvoicesResponse401 | PostCustomerInvoicesResponse403 | PostCustomerInvoicesResponse404 | PostCustomerInvoicesResponse422]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PostCustomerInvoicesDraftCustomerInvoice | PostCustomerInvoicesFinalizedCustomerInvoice,
    use_2026_api_changes: bool | Unset = True,

) -> Response[PostCustomerInvoicesResponse201 | PostCustomerInvoicesResponse400Type0 | PostCustomerInvoicesResponse400Type1 | PostCustomerInvoicesResponse400Type2 | PostCustomerInvoicesResponse400Type3 | PostCustomerInvoicesResponse400Type4 | PostCustomerInvoicesResponse400Type5 | PostCustomerInvoicesResponse401 | PostCustomerInvoicesResponse403 | PostCustomerInvoicesResponse404 | PostCustomerInvoicesResponse422]:
    """ Create a customer invoice

     This endpoint allows you to create a draft or finalized customer
    invoice or credit note


    > ℹ️
    > This endpoint requires the following scope: `customer_invoices:all`

    Args:
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.
        body (PostCustomerInvoicesDraftCustomerInvoice |
            PostCustomerInvoicesFinalizedCustomerInvoice):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostCustomerInvoicesResponse201 | PostCustomerInvoicesResponse400Type0 | PostCustomerInvoicesResponse400Type1 | PostCustomerInvoicesResponse400Type2 | PostCustomerInvoicesResponse400Type3 | PostCustomerInvoicesResponse400Type4 | PostCustomerInvoicesResponse400Type5 | PostCustomerInvoicesResponse401 | PostCustomerInvoicesResponse403 | PostCustomerInvoicesResponse404 | PostCustomerInvoicesResponse422]
     """


    kwargs = _get_kwargs(
        body=body,
use_2026_api_changes=use_2026_api_changes,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: PostCustomerInvoicesDraftCustomerInvoice | PostCustomerInvoicesFinalizedCustomerInvoice,
    use_2026_api_changes: bool | Unset = True,

) -> PostCustomerInvoicesResponse201 | PostCustomerInvoicesResponse400Type0 | PostCustomerInvoicesResponse400Type1 | PostCustomerInvoicesResponse400Type2 | PostCustomerInvoicesResponse400Type3 | PostCustomerInvoicesResponse400Type4 | PostCustomerInvoicesResponse400Type5 | PostCustomerInvoicesResponse401 | PostCustomerInvoicesResponse403 | PostCustomerInvoicesResponse404 | PostCustomerInvoicesResponse422 | None:
    """ Create a customer invoice

     This endpoint allows you to create a draft or finalized customer
    invoice or credit note


    > ℹ️
    > This endpoint requires the following scope: `customer_invoices:all`

    Args:
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.
        body (PostCustomerInvoicesDraftCustomerInvoice |
            PostCustomerInvoicesFinalizedCustomerInvoice):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostCustomerInvoicesResponse201 | PostCustomerInvoicesResponse400Type0 | PostCustomerInvoicesResponse400Type1 | PostCustomerInvoicesResponse400Type2 | PostCustomerInvoicesResponse400Type3 | PostCustomerInvoicesResponse400Type4 | PostCustomerInvoicesResponse400Type5 | PostCustomerInvoicesResponse401 | PostCustomerInvoicesResponse403 | PostCustomerInvoicesResponse404 | PostCustomerInvoicesResponse422
     """


    return sync_detailed(
        client=client,
body=body,
use_2026_api_changes=use_2026_api_changes,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PostCustomerInvoicesDraftCustomerInvoice | PostCustomerInvoicesFinalizedCustomerInvoice,
    use_2026_api_changes: bool | Unset = True,

) -> Response[PostCustomerInvoicesResponse201 | PostCustomerInvoicesResponse400Type0 | PostCustomerInvoicesResponse400Type1 | PostCustomerInvoicesResponse400Type2 | PostCustomerInvoicesResponse400Type3 | PostCustomerInvoicesResponse400Type4 | PostCustomerInvoicesResponse400Type5 | PostCustomerInvoicesResponse401 | PostCustomerInvoicesResponse403 | PostCustomerInvoicesResponse404 | PostCustomerInvoicesResponse422]:
    """ Create a customer invoice

     This endpoint allows you to create a draft or finalized customer
    invoice or credit note


    > ℹ️
    > This endpoint requires the following scope: `customer_invoices:all`

    Args:
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.
        body (PostCustomerInvoicesDraftCustomerInvoice |
            PostCustomerInvoicesFinalizedCustomerInvoice):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostCustomerInvoicesResponse201 | PostCustomerInvoicesResponse400Type0 | PostCustomerInvoicesResponse400Type1 | PostCustomerInvoicesResponse400Type2 | PostCustomerInvoicesResponse400Type3 | PostCustomerInvoicesResponse400Type4 | PostCustomerInvoicesResponse400Type5 | PostCustomerInvoicesResponse401 | PostCustomerInvoicesResponse403 | PostCustomerInvoicesResponse404 | PostCustomerInvoicesResponse422]
     """


    kwargs = _get_kwargs(
        body=body,
use_2026_api_changes=use_2026_api_changes,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PostCustomerInvoicesDraftCustomerInvoice | PostCustomerInvoicesFinalizedCustomerInvoice,
    use_2026_api_changes: bool | Unset = True,

) -> PostCustomerInvoicesResponse201 | PostCustomerInvoicesResponse400Type0 | PostCustomerInvoicesResponse400Type1 | PostCustomerInvoicesResponse400Type2 | PostCustomerInvoicesResponse400Type3 | PostCustomerInvoicesResponse400Type4 | PostCustomerInvoicesResponse400Type5 | PostCustomerInvoicesResponse401 | PostCustomerInvoicesResponse403 | PostCustomerInvoicesResponse404 | PostCustomerInvoicesResponse422 | None:
    """ Create a customer invoice

     This endpoint allows you to create a draft or finalized customer
    invoice or credit note


    > ℹ️
    > This endpoint requires the following scope: `customer_invoices:all`

    Args:
        use_2026_api_changes (bool | Unset):  Default: True. Example: True.
        body (PostCustomerInvoicesDraftCustomerInvoice |
            PostCustomerInvoicesFinalizedCustomerInvoice):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostCustomerInvoicesResponse201 | PostCustomerInvoicesResponse400Type0 | PostCustomerInvoicesResponse400Type1 | PostCustomerInvoicesResponse400Type2 | PostCustomerInvoicesResponse400Type3 | PostCustomerInvoicesResponse400Type4 | PostCustomerInvoicesResponse400Type5 | PostCustomerInvoicesResponse401 | PostCustomerInvoicesResponse403 | PostCustomerInvoicesResponse404 | PostCustomerInvoicesResponse422
     """


    return (await asyncio_detailed(
        client=client,
body=body,
use_2026_api_changes=use_2026_api_changes,

    )).parsed
