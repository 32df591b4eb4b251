"""Compressed answers (brotli, gzip) over 1 KB with Vary, and gzip push bodies within 5 MiB."""
import gzip
import json

import brotli
import pytest

from tests.server.sync_helpers import company, new_id, upsert

PUSH = "/api/v1/sync/push"


def _push_raw(anne, body: bytes, encoding: str = "gzip"):
    return anne.client.post(PUSH, data=body, headers={
        **anne.headers, "Content-Type": "application/json", "Content-Encoding": encoding})


def _companies(anne, count: int) -> None:
    anne.push(*[upsert("company", new_id(), company(f"Firma {n} ApS")) for n in range(count)])


@pytest.mark.parametrize("coding, decode", [("gzip", gzip.decompress),
                                            ("br", brotli.decompress)])
def test_a_large_answer_is_compressed_with_what_the_client_accepts(anne, coding, decode):
    _companies(anne, 20)
    answer = anne.client.get("/api/v1/sync/pull", headers={**anne.headers,
                                                           "Accept-Encoding": coding})
    assert answer.headers["Content-Encoding"] == coding
    assert "Accept-Encoding" in answer.headers["Vary"]
    page = json.loads(decode(answer.data))
    assert len(page["changes"]) == 20 and len(answer.data) < len(decode(answer.data)) / 3


def test_brotli_is_preferred_and_nothing_is_compressed_unasked(anne):
    _companies(anne, 20)
    both = anne.client.get("/api/v1/sync/pull", headers={**anne.headers,
                                                         "Accept-Encoding": "gzip, br"})
    assert both.headers["Content-Encoding"] == "br"
    plain = anne.client.get("/api/v1/sync/pull", headers=anne.headers)
    assert "Content-Encoding" not in plain.headers and len(plain.get_json()["changes"]) == 20


def test_a_small_answer_stays_plain_without_vary_as_nothing_may_store_it(anne):
    answer = anne.client.get("/api/v1/sync/pull", headers={**anne.headers,
                                                           "Accept-Encoding": "gzip"})
    assert len(answer.data) < 1024 and "Content-Encoding" not in answer.headers
    assert answer.headers["Cache-Control"] == "no-store" and "Vary" not in answer.headers


def test_a_gzip_push_body_is_applied(anne):
    body = json.dumps({"changes": [upsert("company", new_id(), company())]}).encode()
    answer = _push_raw(anne, gzip.compress(body))
    assert answer.status_code == 200, answer.get_json()
    assert answer.get_json()["results"][0]["status"] == "applied"


def test_a_gzip_bomb_is_413_by_its_inflated_size(anne):
    padding = " " * (5 * 1024 * 1024)
    bomb = gzip.compress(json.dumps({"changes": [], "pad": padding}).encode(), 9)
    assert len(bomb) < 64 * 1024
    answer = _push_raw(anne, bomb)
    assert answer.status_code == 413
    assert answer.get_json()["type"].endswith("/payload-too-large")


@pytest.mark.parametrize("body", [b"not gzip at all", gzip.compress(b'{"changes": []}')[:-6],
                                  gzip.compress(b'{"changes": []}') + b"trailing"])
def test_a_broken_gzip_body_is_400(anne, body):
    answer = _push_raw(anne, body)
    assert answer.status_code == 400
    assert answer.get_json()["type"].endswith("/validation")


def test_another_content_encoding_is_415(anne):
    answer = _push_raw(anne, brotli.compress(b'{"changes": []}'), "br")
    assert answer.status_code == 415


def test_a_gzip_only_client_gets_pages_at_the_pull_level_and_push_answers_at_the_default(anne):
    _companies(anne, 20)
    page = anne.client.get("/api/v1/sync/pull", headers={**anne.headers,
                                                         "Accept-Encoding": "gzip, deflate"})
    plain = gzip.decompress(page.data)
    level = anne.client.application.config["PULL_GZIP_LEVEL"]
    assert level != anne.client.application.config["COMPRESS_LEVEL"]
    assert page.headers["Content-Encoding"] == "gzip"
    assert page.data == gzip.compress(plain, level, mtime=0)
    assert "Accept-Encoding" in page.headers["Vary"]
    pushed = anne.client.post(PUSH, json={"changes": [
        upsert("company", new_id(), company(f"Firma {n} ApS")) for n in range(20)]},
        headers={**anne.headers, "Accept-Encoding": "gzip"})
    answer = gzip.decompress(pushed.data)
    assert len(pushed.data) == len(gzip.compress(answer, 4)) != len(gzip.compress(answer, level))
