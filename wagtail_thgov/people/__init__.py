"""The people of a municipality (executives, council members, officers), one list per Wagtail site."""
