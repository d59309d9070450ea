"""SafetyDesk (安全检查工作台): offline-first workplace-safety inspection desk."""

__version__ = "0.1.0"
