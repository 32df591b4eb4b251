"""Helpers for the sync API tests: a device that pushes and pulls through the test client."""
import uuid

from server.schemas.records import canonical_sha256
from tests.conftest import login


def new_id() -> str:
    """A fresh lower-case UUID."""
    return str(uuid.uuid4())


class Device:
    """One logged-in device of a user, talking to the API through the Flask test client."""

    def __init__(self, client, username: str):
        self.client = client
        answer = login(client, username)
        self.device_id = answer["device_id"]
        self.user = answer["user"]
        self.headers = {"Authorization": f"Bearer {answer['token']}"}

    def push(self, *changes: dict, status: int = 200) -> list[dict]:
        """Push changes and return the results."""
        response = self.client.post("/api/v1/sync/push", json={"changes": list(changes)},
                                    headers=self.headers)
        assert response.status_code == status, response.get_json()
        return response.get_json().get("results", response.get_json())

    def push_one(self, change: dict) -> dict:
        """Push one change and return its result."""
        return self.push(change)[0]

    def upsert(self, record_type: str, record_id: str, data: dict, base_rev: int = 0,
               mutation_id: str | None = None) -> dict:
        """Push one upsert."""
        return self.push_one(upsert(record_type, record_id, data, base_rev, mutation_id))

    def delete(self, record_type: str, record_id: str, base_rev: int) -> dict:
        """Push one delete."""
        return self.push_one({"mutation_id": new_id(), "type": record_type, "id": record_id,
                              "op": "delete", "base_rev": base_rev})

    def pull(self, since: str | None = None, limit: int | None = None, status: int = 200):
        """One pull page."""
        params = {k: v for k, v in (("since", since), ("limit", limit)) if v is not None}
        response = self.client.get("/api/v1/sync/pull", query_string=params,
                                   headers=self.headers)
        assert response.status_code == status, response.get_json()
        return response.get_json()

    def pull_all(self, since: str | None = None, limit: int = 500) -> tuple[dict, str]:
        """Pull every page; the newest envelope per id and the last checkpoint."""
        records: dict[str, dict] = {}
        while True:
            page = self.pull(since, limit)
            ids = [r["id"] for r in page["changes"]]
            assert len(ids) == len(set(ids)), "a record appears at most once per page"
            records.update({r["id"]: r for r in page["changes"]})
            since = page["checkpoint"]
            if not page["has_more"]:
                return records, since

    def get(self, record_type: str, record_id: str):
        """GET one record."""
        return self.client.get(f"/api/v1/records/{record_type}/{record_id}",
                               headers=self.headers)

    def resolve(self, conflict_id: str, body: dict):
        """POST a resolution."""
        return self.client.post(f"/api/v1/conflicts/{conflict_id}/resolve", json=body,
                                headers=self.headers)


def upsert(record_type: str, record_id: str, data: dict, base_rev: int = 0,
           mutation_id: str | None = None) -> dict:
    """An upsert change."""
    return {"mutation_id": mutation_id or new_id(), "type": record_type, "id": record_id,
            "op": "upsert", "base_rev": base_rev, "data": data}


def company(name: str = "Fjordby Tømrer ApS", **extra) -> dict:
    """Valid company data."""
    return {"name": name, "cvr": "12345674", "city": "Fjordby", **extra}


def covered(agreement: dict) -> dict:
    """The covered object of an agreement."""
    return {k: agreement[k] for k in ("template_key", "template_version", "content")}


def signature(agreement_id: str, agreement: dict, role: str = "citizen",
              name: str = "Mette Hansen") -> dict:
    """A typed signature covering the agreement's current content."""
    content = covered(agreement)
    return {"agreement_id": agreement_id, "role": role, "signer_name": name,
            "signed_at": "2026-11-20T10:15:00+01:00", "content": content,
            "content_sha256": canonical_sha256(content), "method": "typed"}
