"""The network sync hub: a relay of signed bundles between the office and its devices, on PostgreSQL (DESIGN.md §11)."""
