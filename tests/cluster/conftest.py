import os
from collections.abc import Iterator

import pytest

from tests.cluster.cluster import Cluster, running_cluster


@pytest.fixture(scope="session")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """The cluster on `DATABASE_URL` (a PostgreSQL database of this suite's own), with `carol`."""
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        pytest.fail("the cluster suite needs DATABASE_URL=postgres://... (a database of its own)")
    log = tmp_path_factory.mktemp("cluster") / "cluster.log"
    with running_cluster(database_url, log) as running:
        running.create_user()
        yield running
