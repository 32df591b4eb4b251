"""Pure sync logic: merge, push engine, change feed. Standard library only."""
