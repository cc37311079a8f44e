from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.post_supplier_body import PostSupplierBody
from ...models.post_supplier_response_201 import PostSupplierResponse201
from ...models.post_supplier_response_400_type_0 import PostSupplierResponse400Type0
from ...models.post_supplier_response_400_type_1 import PostSupplierResponse400Type1
from ...models.post_supplier_response_400_type_2 import PostSupplierResponse400Type2
from ...models.post_supplier_response_400_type_3 import PostSupplierResponse400Type3
from ...models.post_supplier_response_400_type_4 import PostSupplierResponse400Type4
from ...models.post_supplier_response_400_type_5 import PostSupplierResponse400Type5
from ...models.post_supplier_response_401 import PostSupplierResponse401
from ...models.post_supplier_response_403 import PostSupplierResponse403
from ...models.post_supplier_response_404 import PostSupplierResponse404
from ...models.post_supplier_response_409 import PostSupplierResponse409
from ...models.post_supplier_response_422 import PostSupplierResponse422
from typing import cast



def _get_kwargs(
    *,
    body: PostSupplierBody,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/external/v2/suppliers",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PostSupplierResponse201 | PostSupplierResponse400Type0 | PostSupplierResponse400Type1 | PostSupplierResponse400Type2 | PostSupplierResponse400Type3 | PostSupplierResponse400Type4 | PostSupplierResponse400Type5 | PostSupplierResponse401 | PostSupplierResponse403 | PostSupplierResponse404 | PostSupplierResponse409 | PostSupplierResponse422 | None:
    if response.status_code == 201:
        response_201 = PostSupplierResponse201.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        def _parse_response_400(data: object) -> PostSupplierResponse400Type0 | PostSupplierResponse400Type1 | PostSupplierResponse400Type2 | PostSupplierResponse400Type3 | PostSupplierResponse400Type4 | PostSupplierResponse400Type5:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_0 = PostSupplierResponse400Type0.from_dict(data)



                return response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_1 = PostSupplierResponse400Type1.from_dict(data)



                return response_400_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_2 = PostSupplierResponse400Type2.from_dict(data)



                return response_400_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_3 = PostSupplierResponse400Type3.from_dict(data)



                return response_400_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_4 = PostSupplierResponse400Type4.from_dict(data)



                return response_400_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_400_type_5 = PostSupplierResponse400Type5.from_dict(data)



            return response_400_type_5

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = PostSupplierResponse401.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = PostSupplierResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = PostSupplierResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = PostSupplierResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = PostSupplierResponse422.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PostSupplierResponse201 | PostSupplierResponse400Type0 | PostSupplierResponse400Type1 | PostSupplierResponse400Type2 | PostSupplierResponse400Type3 | PostSupplierResponse400Type4 | PostSupplierResponse400Type5 | PostSupplierResponse401 | PostSupplierResponse403 | PostSupplierResponse404 | PostSupplierResponse409 | PostSupplierResponse422]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PostSupplierBody,

) -> Response[PostSupplierResponse201 | PostSupplierResponse400Type0 | PostSupplierResponse400Type1 | PostSupplierResponse400Type2 | PostSupplierResponse400Type3 | PostSupplierResponse400Type4 | PostSupplierResponse400Type5 | PostSupplierResponse401 | PostSupplierResponse403 | PostSupplierResponse404 | PostSupplierResponse409 | PostSupplierResponse422]:
    """ Create a Supplier

     This endpoint returns the created supplier.

    > ℹ️
    > This endpoint requires the following scope: `suppliers:all`

    Args:
        body (PostSupplierBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostSupplierResponse201 | PostSupplierResponse400Type0 | PostSupplierResponse400Type1 | PostSupplierResponse400Type2 | PostSupplierResponse400Type3 | PostSupplierResponse400Type4 | PostSupplierResponse400Type5 | PostSupplierResponse401 | PostSupplierResponse403 | PostSupplierResponse404 | PostSupplierResponse409 | PostSupplierResponse422]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: PostSupplierBody,

) -> PostSupplierResponse201 | PostSupplierResponse400Type0 | PostSupplierResponse400Type1 | PostSupplierResponse400Type2 | PostSupplierResponse400Type3 | PostSupplierResponse400Type4 | PostSupplierResponse400Type5 | PostSupplierResponse401 | PostSupplierResponse403 | PostSupplierResponse404 | PostSupplierResponse409 | PostSupplierResponse422 | None:
    """ Create a Supplier

     This endpoint returns the created supplier.

    > ℹ️
    > This endpoint requires the following scope: `suppliers:all`

    Args:
        body (PostSupplierBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostSupplierResponse201 | PostSupplierResponse400Type0 | PostSupplierResponse400Type1 | PostSupplierResponse400Type2 | PostSupplierResponse400Type3 | PostSupplierResponse400Type4 | PostSupplierResponse400Type5 | PostSupplierResponse401 | PostSupplierResponse403 | PostSupplierResponse404 | PostSupplierResponse409 | PostSupplierResponse422
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PostSupplierBody,

) -> Response[PostSupplierResponse201 | PostSupplierResponse400Type0 | PostSupplierResponse400Type1 | PostSupplierResponse400Type2 | PostSupplierResponse400Type3 | PostSupplierResponse400Type4 | PostSupplierResponse400Type5 | PostSupplierResponse401 | PostSupplierResponse403 | PostSupplierResponse404 | PostSupplierResponse409 | PostSupplierResponse422]:
    """ Create a Supplier

     This endpoint returns the created supplier.

    > ℹ️
    > This endpoint requires the following scope: `suppliers:all`

    Args:
        body (PostSupplierBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostSupplierResponse201 | PostSupplierResponse400Type0 | PostSupplierResponse400Type1 | PostSupplierResponse400Type2 | PostSupplierResponse400Type3 | PostSupplierResponse400Type4 | PostSupplierResponse400Type5 | PostSupplierResponse401 | PostSupplierResponse403 | PostSupplierResponse404 | PostSupplierResponse409 | PostSupplierResponse422]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PostSupplierBody,

) -> PostSupplierResponse201 | PostSupplierResponse400Type0 | PostSupplierResponse400Type1 | PostSupplierResponse400Type2 | PostSupplierResponse400Type3 | PostSupplierResponse400Type4 | PostSupplierResponse400Type5 | PostSupplierResponse401 | PostSupplierResponse403 | PostSupplierResponse404 | PostSupplierResponse409 | PostSupplierResponse422 | None:
    """ Create a Supplier

     This endpoint returns the created supplier.

    > ℹ️
    > This endpoint requires the following scope: `suppliers:all`

    Args:
        body (PostSupplierBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostSupplierResponse201 | PostSupplierResponse400Type0 | PostSupplierResponse400Type1 | PostSupplierResponse400Type2 | PostSupplierResponse400Type3 | PostSupplierResponse400Type4 | PostSupplierResponse400Type5 | PostSupplierResponse401 | PostSupplierResponse403 | PostSupplierResponse404 | PostSupplierResponse409 | PostSupplierResponse422
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
