"""The demo's catalogue as DCAT: ``/catalog.ttl`` and ``/catalog.jsonld`` parsed with rdflib and checked
with pyshacl against DCAT shapes (tests/data/dcat-shapes.ttl); both carry the same graph."""

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph
from rdflib import namespace as ns
from rdflib.compare import isomorphic

pytestmark = pytest.mark.django_db

SHAPES = Path(__file__).parent / "data" / "dcat-shapes.ttl"


def _graph(client, path, rdf_format):
    response = client.get(path)
    assert response.status_code == 200
    graph = Graph()
    graph.parse(data=response.content.decode("utf-8"), format=rdf_format)
    return response, graph


def _conforms(graph):
    shapes = Graph().parse(SHAPES, format="turtle")
    conforms, _report, text = validate(graph, shacl_graph=shapes, inference="none", allow_warnings=False)
    return conforms, text


def test_the_shapes_reject_a_dataset_without_title_or_distribution():
    graph = Graph()
    graph.parse(
        data="""@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
        <http://x/ds> a dcat:Dataset ; dct:identifier "1" .""",
        format="turtle",
    )
    conforms, text = _conforms(graph)
    assert not conforms
    assert "distribution" in text and "title" in text


def test_the_demo_catalogue_in_turtle_keeps_the_dcat_shapes(demo_db, client):
    response, graph = _graph(client, "/catalog.ttl", "turtle")
    assert response["Content-Type"].startswith("text/turtle")
    conforms, text = _conforms(graph)
    assert conforms, text
    (catalog,) = list(graph.subjects(ns.RDF.type, ns.DCAT.Catalog))
    datasets = list(graph.objects(catalog, ns.DCAT.dataset))
    search = client.get("/api/3/action/package_search", {"rows": 1000}).json()["result"]
    assert len(datasets) == search["count"] >= 5
    identifiers = {str(graph.value(dataset, ns.DCTERMS.identifier)) for dataset in datasets}
    assert identifiers == {package["id"] for package in search["results"]}
    titles = {graph.value(dataset, ns.DCTERMS.title) for dataset in datasets}
    assert all(title.language == "th" for title in titles)


def test_json_ld_carries_the_same_graph(demo_db, client):
    _response, turtle = _graph(client, "/catalog.ttl", "turtle")
    response, json_ld = _graph(client, "/catalog.jsonld", "json-ld")
    assert response["Content-Type"].startswith("application/ld+json")
    assert isomorphic(turtle, json_ld)
    conforms, text = _conforms(json_ld)
    assert conforms, text
