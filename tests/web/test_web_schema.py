"""Property-based calls generated from our own OpenAPI document: no request makes a 500.
POST is left out (it would analyze random text and fetch random URLs); its errors are tested
in test_web_api.py."""

import schemathesis
from hypothesis import HealthCheck, given, settings


def test_no_server_errors(web_app):
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", web_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    tried = []
    for operation in operations:
        if operation.method.upper() != "GET":
            continue

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def call(case):
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text[:200])

        call()
        tried.append(operation.path)
    assert {"/api/articles", "/api/articles/{article_id}", "/api/search"} <= set(tried)
