from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.post_company_customer_body import PostCompanyCustomerBody
from ...models.post_company_customer_response_201 import PostCompanyCustomerResponse201
from ...models.post_company_customer_response_400_type_0 import PostCompanyCustomerResponse400Type0
from ...models.post_company_customer_response_400_type_1 import PostCompanyCustomerResponse400Type1
from ...models.post_company_customer_response_400_type_2 import PostCompanyCustomerResponse400Type2
from ...models.post_company_customer_response_400_type_3 import PostCompanyCustomerResponse400Type3
from ...models.post_company_customer_response_400_type_4 import PostCompanyCustomerResponse400Type4
from ...models.post_company_customer_response_400_type_5 import PostCompanyCustomerResponse400Type5
from ...models.post_company_customer_response_401 import PostCompanyCustomerResponse401
from ...models.post_company_customer_response_403 import PostCompanyCustomerResponse403
from ...models.post_company_customer_response_404 import PostCompanyCustomerResponse404
from ...models.post_company_customer_response_409 import PostCompanyCustomerResponse409
from ...models.post_company_customer_response_422 import PostCompanyCustomerResponse422
from typing import cast



def _get_kwargs(
    *,
    body: PostCompanyCustomerBody,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/external/v2/company_customers",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PostCompanyCustomerResponse201 | PostCompanyCustomerResponse400Type0 | PostCompanyCustomerResponse400Type1 | PostCompanyCustomerResponse400Type2 | PostCompanyCustomerResponse400Type3 | PostCompanyCustomerResponse400Type4 | PostCompanyCustomerResponse400Type5 | PostCompanyCustomerResponse401 | PostCompanyCustomerResponse403 | PostCompanyCustomerResponse404 | PostCompanyCustomerResponse409 | PostCompanyCustomerResponse422 | None:
    if response.status_code == 201:
        response_201 = PostCompanyCustomerResponse201.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        def _parse_response_400(data: object) -> PostCompanyCustomerResponse400Type0 | PostCompanyCustomerResponse400Type1 | PostCompanyCustomerResponse400Type2 | PostCompanyCustomerResponse400Type3 | PostCompanyCustomerResponse400Type4 | PostCompanyCustomerResponse400Type5:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_0 = PostCompanyCustomerResponse400Type0.from_dict(data)



                return response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_1 = PostCompanyCustomerResponse400Type1.from_dict(data)



                return response_400_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_2 = PostCompanyCustomerResponse400Type2.from_dict(data)



                return response_400_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_3 = PostCompanyCustomerResponse400Type3.from_dict(data)



                return response_400_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_4 = PostCompanyCustomerResponse400Type4.from_dict(data)



                return response_400_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_400_type_5 = PostCompanyCustomerResponse400Type5.from_dict(data)



            return response_400_type_5

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = PostCompanyCustomerResponse401.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = PostCompanyCustomerResponse403.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = PostCompanyCustomerResponse404.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = PostCompanyCustomerResponse409.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = PostCompanyCustomerResponse422.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PostCompanyCustomerResponse201 | PostCompanyCustomerResponse400Type0 | PostCompanyCustomerResponse400Type1 | PostCompanyCustomerResponse400Type2 | PostCompanyCustomerResponse400Type3 | PostCompanyCustomerResponse400Type4 | PostCompanyCustomerResponse400Type5 | PostCompanyCustomerResponse401 | PostCompanyCustomerResponse403 | PostCompanyCustomerResponse404 | PostCompanyCustomerResponse409 | PostCompanyCustomerResponse422]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PostCompanyCustomerBody,

) -> Response[PostCompanyCustomerResponse201 | PostCompanyCustomerResponse400Type0 | PostCompanyCustomerResponse400Type1 | PostCompanyCustomerResponse400Type2 | PostCompanyCustomerResponse400Type3 | PostCompanyCustomerResponse400Type4 | PostCompanyCustomerResponse400Type5 | PostCompanyCustomerResponse401 | PostCompanyCustomerResponse403 | PostCompanyCustomerResponse404 | PostCompanyCustomerResponse409 | PostCompanyCustomerResponse422]:
    """ Create a company customer

     This endpoint returns the created company customer.

    > ℹ️
    > This endpoint requires the following scope: `customers:all`

    Args:
        body (PostCompanyCustomerBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostCompanyCustomerResponse201 | PostCompanyCustomerResponse400Type0 | PostCompanyCustomerResponse400Type1 | PostCompanyCustomerResponse400Type2 | PostCompanyCustomerResponse400Type3 | PostCompanyCustomerResponse400Type4 | PostCompanyCustomerResponse400Type5 | PostCompanyCustomerResponse401 | PostCompanyCustomerResponse403 | PostCompanyCustomerResponse404 | PostCompanyCustomerResponse409 | PostCompanyCustomerResponse422]
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
    body: PostCompanyCustomerBody,

) -> PostCompanyCustomerResponse201 | PostCompanyCustomerResponse400Type0 | PostCompanyCustomerResponse400Type1 | PostCompanyCustomerResponse400Type2 | PostCompanyCustomerResponse400Type3 | PostCompanyCustomerResponse400Type4 | PostCompanyCustomerResponse400Type5 | PostCompanyCustomerResponse401 | PostCompanyCustomerResponse403 | PostCompanyCustomerResponse404 | PostCompanyCustomerResponse409 | PostCompanyCustomerResponse422 | None:
    """ Create a company customer

     This endpoint returns the created company customer.

    > ℹ️
    > This endpoint requires the following scope: `customers:all`

    Args:
        body (PostCompanyCustomerBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostCompanyCustomerResponse201 | PostCompanyCustomerResponse400Type0 | PostCompanyCustomerResponse400Type1 | PostCompanyCustomerResponse400Type2 | PostCompanyCustomerResponse400Type3 | PostCompanyCustomerResponse400Type4 | PostCompanyCustomerResponse400Type5 | PostCompanyCustomerResponse401 | PostCompanyCustomerResponse403 | PostCompanyCustomerResponse404 | PostCompanyCustomerResponse409 | PostCompanyCustomerResponse422
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PostCompanyCustomerBody,

) -> Response[PostCompanyCustomerResponse201 | PostCompanyCustomerResponse400Type0 | PostCompanyCustomerResponse400Type1 | PostCompanyCustomerResponse400Type2 | PostCompanyCustomerResponse400Type3 | PostCompanyCustomerResponse400Type4 | PostCompanyCustomerResponse400Type5 | PostCompanyCustomerResponse401 | PostCompanyCustomerResponse403 | PostCompanyCustomerResponse404 | PostCompanyCustomerResponse409 | PostCompanyCustomerResponse422]:
    """ Create a company customer

     This endpoint returns the created company customer.

    > ℹ️
    > This endpoint requires the following scope: `customers:all`

    Args:
        body (PostCompanyCustomerBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PostCompanyCustomerResponse201 | PostCompanyCustomerResponse400Type0 | PostCompanyCustomerResponse400Type1 | PostCompanyCustomerResponse400Type2 | PostCompanyCustomerResponse400Type3 | PostCompanyCustomerResponse400Type4 | PostCompanyCustomerResponse400Type5 | PostCompanyCustomerResponse401 | PostCompanyCustomerResponse403 | PostCompanyCustomerResponse404 | PostCompanyCustomerResponse409 | PostCompanyCustomerResponse422]
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
    body: PostCompanyCustomerBody,

) -> PostCompanyCustomerResponse201 | PostCompanyCustomerResponse400Type0 | PostCompanyCustomerResponse400Type1 | PostCompanyCustomerResponse400Type2 | PostCompanyCustomerResponse400Type3 | PostCompanyCustomerResponse400Type4 | PostCompanyCustomerResponse400Type5 | PostCompanyCustomerResponse401 | PostCompanyCustomerResponse403 | PostCompanyCustomerResponse404 | PostCompanyCustomerResponse409 | PostCompanyCustomerResponse422 | None:
    """ Create a company customer

     This endpoint returns the created company customer.

    > ℹ️
    > This endpoint requires the following scope: `customers:all`

    Args:
        body (PostCompanyCustomerBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PostCompanyCustomerResponse201 | PostCompanyCustomerResponse400Type0 | PostCompanyCustomerResponse400Type1 | PostCompanyCustomerResponse400Type2 | PostCompanyCustomerResponse400Type3 | PostCompanyCustomerResponse400Type4 | PostCompanyCustomerResponse400Type5 | PostCompanyCustomerResponse401 | PostCompanyCustomerResponse403 | PostCompanyCustomerResponse404 | PostCompanyCustomerResponse409 | PostCompanyCustomerResponse422
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
