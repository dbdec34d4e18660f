"""The two-step publication workflow: completeness check (webmasters), certification (approvers)."""
