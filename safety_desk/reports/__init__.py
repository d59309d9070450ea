"""Printed documents (ReportLab) and spreadsheets (openpyxl)."""
