"""Pure rules and value types: no I/O, no SQL, no Qt; imports nothing else from the project."""
