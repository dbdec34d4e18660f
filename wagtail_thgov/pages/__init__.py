"""Page types, one module per category family."""
