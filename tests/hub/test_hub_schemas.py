"""市县联动 on one PostgreSQL cluster: each office's hub in a schema of its own in one database (the URL's
search_path), migrated and served apart; neither sees the other's devices or bundles."""

from __future__ import annotations

from urllib.parse import quote

import psycopg

from safety_desk.hub.server import init_hub
from safety_desk.services.devices import DeviceService

from hub_world import sync_via


def test_two_offices_hubs_share_one_database_in_their_own_schemas(hub_world, hub_database, live_hub, tmp_path) -> None:
    office = hub_world["office"]
    urls = {}
    for county in ("county_a", "county_b"):
        with psycopg.connect(hub_database, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {county}")
        enrol = tmp_path / f"{county}.sdenroll"
        passphrase = DeviceService(office.session).enroll("hub", county, enrol).passphrase
        urls[county] = hub_database + "&options=" + quote(f"-csearch_path={county}")
        init_hub(urls[county], enrol, passphrase=passphrase)
    served = live_hub(urls["county_a"]).url
    sync_via(office, served)
    sync_via(hub_world["enterprise"], served)
    with psycopg.connect(hub_database, autocommit=True) as conn:
        counts = {county: conn.execute(f"SELECT count(*) FROM {county}.bundle").fetchone()[0]
                  for county in ("county_a", "county_b")}
        names = {county: conn.execute(f"SELECT name FROM {county}.hub_identity").fetchone()[0]
                 for county in ("county_a", "county_b")}
        public = conn.execute("SELECT to_regclass('public.bundle')").fetchone()[0]
    assert counts["county_a"] > 0 and counts["county_b"] == 0
    assert names == {"county_a": "county_a", "county_b": "county_b"}
    assert public is None
