"""Compliance checklist: standards as data, evidence from live pages, a pure evaluator, reports and exports.

``standards/*.json`` (data) → ``loader`` (thgov_setup step) → ``Standard`` / ``ChecklistItem`` rows;
``evidence`` gathers what a site publishes; ``evaluator`` turns items × evidence into statuses;
``results`` scores a site; ``views``, ``export``, ``pages`` and ``thgov_compliance`` show the result.
"""
