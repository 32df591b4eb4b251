"""The fictitious demo data of `flask seed-demo` (Jobcenter Fjordby); nothing here is real."""
