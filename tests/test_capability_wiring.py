"""Each capability wires itself: its admin hooks, its namespaced admin URLs, its setup steps and its jobs.

The top-level ``wagtail_hooks`` only imports the capabilities' modules; every admin URL of the plugin has
a namespace (found by walking the URL resolver, as the permission matrix does); ``thgov_setup`` runs every
step the capabilities registered, in order; the django-q2 schedules after setup are exactly the
registered jobs.
"""

import inspect
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import URLResolver, get_resolver
from django.utils.module_loading import import_string
from django_q.models import Schedule
from wagtail import hooks

import wagtail_thgov
from wagtail_thgov import wagtail_hooks
from wagtail_thgov.core import registry
from wagtail_thgov.core.registry import SetupStep, jobs, setup_steps
from wagtail_thgov.installation import run_setup
from wagtail_thgov.isolation.checks import check_scoped_admin_urls
from wagtail_thgov.publishing.checks import check_schedules

PACKAGE = Path(wagtail_thgov.__file__).parent


def plugin_admin_patterns():
    """``[(namespace, url name, route)]`` of every admin URL whose view is the plugin's code."""
    found = []

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
                continue
            view = pattern.callback
            view_class = getattr(view, "view_class", None) or view
            route = prefix + str(pattern.pattern)
            if view_class.__module__.startswith("wagtail_thgov") and route.startswith("admin/"):
                found.append((namespace, pattern.name, route))

    walk(get_resolver().url_patterns, "", None)
    return found


def test_wagtail_hooks_only_imports_the_capabilities():
    own = [
        name
        for name, value in vars(wagtail_hooks).items()
        if (inspect.isclass(value) or inspect.isfunction(value))
        and value.__module__ == wagtail_hooks.__name__
    ]
    assert own == [], "wagtail_hooks.py wires only; classes and functions belong to a capability"
    for capability in wagtail_hooks.CAPABILITIES:
        assert (PACKAGE.joinpath(*capability.split(".")) / "wagtail_hooks.py").is_file(), capability
    # certifiedfiles wraps the per-site file policies that sitefiles installs.
    order = wagtail_hooks.CAPABILITIES
    assert order.index("sitefiles") < order.index("certifiedfiles")


def test_every_capability_with_admin_urls_wires_them_itself():
    for admin_urls in sorted(PACKAGE.glob("*/admin_urls.py")):
        capability = admin_urls.parent.name
        if capability == "isolation":
            continue  # included by the project's URLconf before Wagtail's admin (see isolation/admin_urls.py)
        assert capability in wagtail_hooks.CAPABILITIES, capability
        assert "register_admin_urls" in (admin_urls.parent / "wagtail_hooks.py").read_text(), capability


def test_every_plugin_admin_url_is_namespaced():
    found = plugin_admin_patterns()
    assert len(found) > 20, "the resolver walk found too few plugin admin URLs"
    bare = sorted(f"{route} ({name})" for namespace, name, route in found if not namespace)
    assert not bare, f"admin URLs of the plugin without a namespace: {bare}"


def test_the_admin_urls_registered_by_hooks_are_each_under_a_thgov_namespace():
    namespaces = []
    for hook in hooks.get_hooks("register_admin_urls"):
        if not hook.__module__.startswith("wagtail_thgov"):
            continue
        for pattern in hook():
            assert isinstance(pattern, URLResolver), f"{hook.__module__} registers a bare URL: {pattern}"
            assert pattern.namespace.startswith("thgov_"), pattern.namespace
            namespaces.append(pattern.namespace)
    assert sorted(namespaces) == sorted(set(namespaces)), "two capabilities share a namespace"
    assert set(namespaces) >= {
        "thgov_metadata",
        "thgov_workflows",
        "thgov_publishing",
        "thgov_compliance",
        "thgov_stats",
        "thgov_eservice",
    }


def test_wagtails_own_report_names_still_reach_the_scoped_views():
    """The isolation's names are namespaced too; Wagtail's own names keep resolving to the scoped views."""
    isolation = [
        (name, route) for namespace, name, route in plugin_admin_patterns() if namespace == "thgov_isolation"
    ]
    assert ("wagtailadmin_reports_locked_pages", "admin/reports/locked/") in isolation
    assert check_scoped_admin_urls(None) == []


def test_setup_steps_are_registered_by_the_capabilities_and_resolve():
    steps = setup_steps()
    assert [step.order for step in steps] == sorted(step.order for step in steps)
    paths = [step.path for step in steps]
    assert paths == [
        "wagtail_thgov.site_settings.setup.ensure_municipality_settings",
        "wagtail_thgov.workflows.setup.ensure_workflows",
        "wagtail_thgov.sitefiles.upgrade.move_files_to_site_collections",
        "wagtail_thgov.publishing.expiry.ensure_expiry_defaults",
        "wagtail_thgov.publishing.schedules.ensure_schedules",
        "wagtail_thgov.compliance.loader.load_standards",
    ]
    for path in paths:
        assert callable(import_string(path)), path


@pytest.mark.django_db
def test_run_setup_runs_every_registered_step_in_order(monkeypatch):
    ran = []

    def recording(step):
        def run(write):
            ran.append(step.name)
            return step.run(write)

        return run

    wrapped = {step.name: SetupStep(step.order, step.name, recording(step)) for step in setup_steps()}
    # A step another capability registers later runs in its place by its order number.
    wrapped["a later capability"] = SetupStep(
        250, "a later capability", lambda write: ran.append("a later capability") or 0
    )
    monkeypatch.setattr(registry, "_setup_steps", wrapped)

    assert run_setup() > 0  # a fresh database: groups, workflow, schedules and standards are created
    assert ran[:3] == ["municipality settings", "workflows", "a later capability"]
    assert ran == [step.name for step in sorted(wrapped.values(), key=lambda step: step.order)]
    ran.clear()
    assert run_setup() == 0
    assert len(ran) == len(wrapped)


@pytest.mark.django_db
def test_the_schedules_after_setup_are_exactly_the_registered_jobs():
    assert check_schedules(None, databases=["default"]), "no schedule before setup: the check warns"
    run_setup()
    schedules = {
        (schedule.name, schedule.func, schedule.schedule_type, schedule.minutes)
        for schedule in Schedule.objects.filter(name__startswith="thgov:")
    }
    assert schedules == {(job.name, job.func, job.schedule_type, job.minutes) for job in jobs()}
    assert {job.func.rsplit(".", 2)[0] for job in jobs()} >= {
        "wagtail_thgov.publishing",
        "wagtail_thgov.stats",
        "wagtail_thgov.eservice",
    }
    for job in jobs():
        assert callable(import_string(job.func)), job.func
    assert check_schedules(None, databases=["default"]) == []


def test_registering_a_name_twice_differently_is_refused(monkeypatch):
    monkeypatch.setattr(registry, "_jobs", dict(registry._jobs))
    monkeypatch.setattr(registry, "_setup_steps", dict(registry._setup_steps))
    first = jobs()[0]
    # The same registration again (a module imported twice) changes nothing.
    assert (
        registry.job(first.name, first.func, first.schedule_type, minutes=first.minutes, at=first.at) == first
    )
    with pytest.raises(ImproperlyConfigured):
        registry.job(first.name, "wagtail_thgov.stats.jobs.drain_stats", Schedule.HOURLY)
    step = setup_steps()[0]
    with pytest.raises(ImproperlyConfigured):
        registry.setup_step(step.order + 1, step.name, step.function)
