"""The hub over HTTPS with the office's own CA: `sync hub URL --ca-file`; a hub whose certificate is not trusted
is refused by the desktop (nothing sent)."""

from __future__ import annotations

import datetime as dt
import ipaddress
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from safety_desk.hub.server import init_hub
from safety_desk.services.hub_sync import HubSyncService, HubUnreachable

from hub_world import hub_passphrase


def self_signed(folder: Path) -> tuple[str, str]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    start = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + dt.timedelta(days=365 * 30))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "hub.crt", folder / "hub.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_file), str(key_file)


def test_sync_over_tls_with_the_hubs_ca(hub_world, hub_database, hub_world_template, live_hub, tmp_path) -> None:
    init_hub(hub_database, hub_world_template / "hub.sdenroll", passphrase=hub_passphrase(hub_world_template))
    cert, key = self_signed(tmp_path)
    url = live_hub(hub_database, tls=(cert, key)).url
    office = hub_world["office"]
    with pytest.raises(HubUnreachable):  # not trusted: the system's CAs do not know it
        HubSyncService(office.sync).exchange(url)
    office.refresh()
    result = HubSyncService(office.sync, verify=cert).exchange(url)
    assert result.synced_at
    laptop = hub_world["laptop1"]
    laptop.refresh()
    assert HubSyncService(laptop.sync, verify=cert).exchange(url).synced_at
