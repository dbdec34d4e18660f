"""The catalogue in the W3C DCAT vocabulary (``/catalog.ttl``, ``/catalog.jsonld``), built with rdflib from
the same package dicts as the CKAN API.

A ``dcat:Catalog`` published by the municipality (a ``foaf:Agent``), one ``dcat:Dataset`` per dataset with
its title, description, keywords, dates, period, contact point (``vcard:Kind``), landing page (the page),
update frequency and one ``dcat:Distribution`` per file (download URL, media type, size, licence). Texts
are tagged Thai (``@th``). The schema's own values with no DCAT property (objective, data category,
geographic coverage) are sent with the Thai GD-Catalog's field names in the ``thgd:`` namespace of the
site (not a published vocabulary: docs/opendata.md).
"""

import datetime as dt

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, XSD

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
FREQ = Namespace("http://publications.europa.eu/resource/authority/frequency/")
LANGUAGE_THA = URIRef("http://publications.europa.eu/resource/authority/language/THA")
MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"

# The schema's update frequency units as the EU frequency vocabulary, where one fits.
FREQUENCIES = {
    "ปี": FREQ.ANNUAL,
    "ครึ่งปี": FREQ.ANNUAL_2,
    "ไตรมาส": FREQ.QUARTERLY,
    "เดือน": FREQ.MONTHLY,
    "สัปดาห์": FREQ.WEEKLY,
    "วัน": FREQ.DAILY,
    "วันทำการ": FREQ.DAILY,
    "ชั่วโมง": FREQ.HOURLY,
    "ตามเวลาจริง": FREQ.CONT,
    "ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล": FREQ.NEVER,
}
# Licences with a well-known address (the Open Definition's, as CKAN's licence list has them).
LICENCE_URLS = {
    "Creative Commons Attributions": "http://www.opendefinition.org/licenses/cc-by",
    "Creative Commons Attribution Share-Alike": "http://www.opendefinition.org/licenses/cc-by-sa",
    "Creative Commons Non-Commercial (Any)": "http://creativecommons.org/licenses/by-nc/2.0/",
    "GNU Free Documentation License": "http://www.opendefinition.org/licenses/gfdl",
}
CONTEXT = {
    "dcat": str(DCAT),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "vcard": str(VCARD),
    "xsd": str(XSD),
    "rdfs": str(RDFS),
}


def _date(text):
    return Literal(dt.date.fromisoformat(text), datatype=XSD.date) if text else None


def _add(graph, subject, predicate, value):
    if value not in (None, ""):
        graph.add((subject, predicate, value))


def catalogue_graph(catalogue, site, catalogue_url: str) -> Graph:
    """An rdflib graph of ``catalogue`` (``catalogue.Catalogue``) of ``site``."""
    graph = Graph()
    thgd = Namespace(site.root_url + "/opendata/terms#")
    for prefix, namespace in (
        ("dcat", DCAT),
        ("dct", DCTERMS),
        ("foaf", FOAF),
        ("vcard", VCARD),
        ("thgd", thgd),
    ):
        graph.bind(prefix, namespace)
    organization = catalogue.organization
    catalog = URIRef(catalogue_url)
    publisher = URIRef(site.root_url + "/#organisation")
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal(organization["title"], lang="th")))
    graph.add((publisher, FOAF.homepage, URIRef(site.root_url + "/")))

    graph.add((catalog, RDF.type, DCAT.Catalog))
    graph.add((catalog, DCTERMS.title, Literal(f"บัญชีข้อมูล {organization['title']}", lang="th")))
    graph.add((catalog, DCTERMS.description, Literal(f"ชุดข้อมูลเปิดของ{organization['title']}", lang="th")))
    graph.add((catalog, DCTERMS.publisher, publisher))
    graph.add((catalog, DCTERMS.language, LANGUAGE_THA))
    graph.add((catalog, FOAF.homepage, URIRef(catalogue_url)))
    modified = max((p["last_updated_date"] for p in catalogue.packages if p["last_updated_date"]), default="")
    _add(graph, catalog, DCTERMS.modified, _date(modified))

    for package in catalogue.packages:
        dataset = URIRef(f"{catalogue_url}#{package['name']}")
        graph.add((catalog, DCAT.dataset, dataset))
        graph.add((dataset, RDF.type, DCAT.Dataset))
        graph.add((dataset, DCTERMS.identifier, Literal(package["id"])))
        graph.add((dataset, DCTERMS.title, Literal(package["title"], lang="th")))
        graph.add((dataset, DCTERMS.description, Literal(package["notes"], lang="th")))
        for tag in package["tags"]:
            graph.add((dataset, DCAT.keyword, Literal(tag["name"], lang="th")))
        graph.add((dataset, DCTERMS.publisher, publisher))
        graph.add((dataset, DCTERMS.language, LANGUAGE_THA))
        graph.add((dataset, DCAT.landingPage, URIRef(package["url"])))
        _add(graph, dataset, DCTERMS.issued, _date(package["created_date"]))
        _add(graph, dataset, DCTERMS.modified, _date(package["last_updated_date"]))
        _add(graph, dataset, DCTERMS.accrualPeriodicity, FREQUENCIES.get(package["update_frequency_unit"]))
        creator = BNode()
        graph.add((creator, RDF.type, FOAF.Agent))
        graph.add((creator, FOAF.name, Literal(package["data_source"], lang="th")))
        graph.add((dataset, DCTERMS.creator, creator))

        contact = BNode()
        graph.add((dataset, DCAT.contactPoint, contact))
        graph.add((contact, RDF.type, VCARD.Kind))
        graph.add((contact, VCARD.fn, Literal(package["maintainer"], lang="th")))
        if package["maintainer_email"]:
            graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{package['maintainer_email']}")))

        details = catalogue.details[package["id"]]
        if details["temporal_start"] or details["temporal_end"]:
            period = BNode()
            graph.add((dataset, DCTERMS.temporal, period))
            graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
            _add(graph, period, DCAT.startDate, _date(details["temporal_start"]))
            _add(graph, period, DCAT.endDate, _date(details["temporal_end"]))

        for name in ("data_type", "data_category", "geo_coverage", "update_frequency_unit"):
            _add(graph, dataset, thgd[name], Literal(package[name], lang="th") if package[name] else None)
        for objective in package["objective"]:
            graph.add((dataset, thgd.objective, Literal(objective, lang="th")))

        licence = _licence(graph, package)
        for resource in package["resources"]:
            distribution = URIRef(f"{catalogue_url}#{package['name']}/{resource['position']}")
            graph.add((dataset, DCAT.distribution, distribution))
            graph.add((distribution, RDF.type, DCAT.Distribution))
            graph.add((distribution, DCTERMS.title, Literal(resource["name"], lang="th")))
            graph.add((distribution, DCAT.accessURL, URIRef(package["url"])))
            graph.add((distribution, DCAT.downloadURL, URIRef(resource["url"])))
            graph.add((distribution, DCTERMS.format, Literal(resource["format"])))
            if resource.get("mimetype"):
                graph.add((distribution, DCAT.mediaType, URIRef(MEDIA_TYPES + resource["mimetype"])))
            if resource.get("size") is not None:
                graph.add(
                    (distribution, DCAT.byteSize, Literal(resource["size"], datatype=XSD.nonNegativeInteger))
                )
            graph.add((distribution, DCTERMS.license, licence))
    return graph


def _licence(graph, package):
    """The dataset's licence as a ``dct:LicenseDocument``: its known address, else a node with its name."""
    url = LICENCE_URLS.get(package["license_id"])
    licence = URIRef(url) if url else BNode()
    graph.add((licence, RDF.type, DCTERMS.LicenseDocument))
    label = package["license_id_other"] or package["license_id"]
    graph.add((licence, RDFS.label, Literal(label)))
    return licence


def turtle(graph) -> str:
    return graph.serialize(format="turtle")


def json_ld(graph) -> str:
    return graph.serialize(format="json-ld", context=CONTEXT, auto_compact=True, ensure_ascii=False)
