"""Marshmallow schemas: wire formats and one schema per record type."""
