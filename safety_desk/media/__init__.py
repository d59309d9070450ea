"""Photos: ingest, thumbnails and content-addressed files."""
