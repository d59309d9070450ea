"""The main window's pages, one module each; every page takes an AppContext and refreshes in on_shown()."""
