"""Sync plumbing: identifiers, hybrid logical clocks, device identity."""
