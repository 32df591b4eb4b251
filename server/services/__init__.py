"""Named operations: the only place that commits a transaction."""
