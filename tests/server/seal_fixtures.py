"""Pytest fixtures of the seal: a key and certificate per session, the app configured with them."""
import pytest

from server.services.seal import create_demo_files


@pytest.fixture(scope="session")
def seal_paths(tmp_path_factory):
    """A self-signed seal key and certificate, made once per test session."""
    folder = tmp_path_factory.mktemp("seal")
    key, cert = folder / "seal-key.pem", folder / "seal-cert.pem"
    assert create_demo_files(key, cert)
    return key, cert


@pytest.fixture
def sealing(app_ctx, seal_paths):
    """The app configured with the test seal; the configuration is restored afterwards."""
    before = {k: app_ctx.config[k] for k in ("SEAL_KEY_PATH", "SEAL_CERT_PATH")}
    app_ctx.config.update(SEAL_KEY_PATH=str(seal_paths[0]), SEAL_CERT_PATH=str(seal_paths[1]))
    yield seal_paths
    app_ctx.config.update(before)
