"""SQLite store: connection, migrations and repositories; the only code that holds SQL."""
