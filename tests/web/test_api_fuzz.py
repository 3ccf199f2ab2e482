"""Property-based fuzzing of the HTTP API from its own OpenAPI description (schemathesis strategies driven
by hypothesis): whatever the parameters and bodies, as a coder with a token, no endpoint answers a server
error."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from cronica.web import Service, create_app

from .builders import USERS

schemathesis = pytest.importorskip("schemathesis")


def test_no_api_endpoint_answers_a_server_error(shared_service: Service) -> None:
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", create_app(shared_service))
    token = shared_service.add_token(USERS["coder"], "fuzz")
    headers = {"Authorization": f"Bearer {token}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case: Any) -> None:
            response = case.call(headers=headers)
            assert response.status_code < 500, (case.method, case.formatted_path, response.text[:300])

        check()
