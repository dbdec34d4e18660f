"""The foundation layer: small modules the capabilities import and that import none of them."""
