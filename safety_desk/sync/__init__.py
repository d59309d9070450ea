"""Sync by file: the bundle format, its changes member, device keys and their binding, sender checks, the folder."""
