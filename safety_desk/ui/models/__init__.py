"""Qt item models that hold rows handed to them by services, testable without windows."""
