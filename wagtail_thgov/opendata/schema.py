"""The dataset fields of the DGA's CKAN schema for agency data catalogues, as facts with their standing.

The GD-Catalog (the national government data catalogue) harvests agency CKAN catalogues that use the
DGA's ckanext-scheming schema ``ckan_dataset.json`` (public repository ``ckanext-thai_gdc``). The field
names, Thai labels, which fields it marks required and the allowed values below are taken from that file
(docs/opendata.md says which copy). Each fact carries its standing:

* ``CONFIRMED``: read in the schema file itself;
* ``PARTIAL``: in the project's fact sheet of the schema but not in the copy of the file checked, or read
  there only in part (a value list that differs between the copies, a value's format the schema leaves
  open);
* ``UNCONFIRMED``: our reading, not written in the schema (how a harvester treats a value).

The values are the schema's own Thai strings: they are stored and sent as they are, never translated.
"""

from dataclasses import dataclass

CONFIRMED = "confirmed"
PARTIAL = "partial"
UNCONFIRMED = "unconfirmed"

OTHER = "อื่นๆ"  # "other": each choice list that has it also has a ``<field>_other`` text field
UNKNOWN = "ไม่ทราบ"

DATA_TYPES = (
    "ข้อมูลระเบียน",
    "ข้อมูลสถิติ",
    "ข้อมูลภูมิสารสนเทศเชิงพื้นที่",
    "ข้อมูลหลากหลายประเภท",
    "ข้อมูลประเภทอื่นๆ",
)
STATISTICAL = "ข้อมูลสถิติ"
DATA_TYPE_OTHER = "ข้อมูลประเภทอื่นๆ"

OBJECTIVES = (
    "ยุทธศาสตร์ชาติ",
    "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ",
    "แผนความมั่นคงแห่งชาติ",
    "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ",
    "แผนปฏิรูปประเทศ",
    "แผนระดับที่ 3 (มติครม. 4 ธ.ค. 2560)",
    "นโยบายรัฐบาล/ข้อสั่งการนายกรัฐมนตรี",
    "มติคณะรัฐมนตรี",
    "เพื่อการให้บริการประชาชน",
    "กฎหมายที่เกี่ยวข้อง",
    "พันธกิจหน่วยงาน",
    "ดัชนี/ตัวชี้วัดระดับนานาชาติ",
    UNKNOWN,
    OTHER,
)

UPDATE_FREQUENCY_UNITS = (
    UNKNOWN,
    "ปี",
    "ครึ่งปี",
    "ไตรมาส",
    "เดือน",
    "สัปดาห์",
    "วัน",
    "วันทำการ",
    "ชั่วโมง",
    "นาที",
    "ตามเวลาจริง",
    "ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล",
    OTHER,
)

GEO_COVERAGES = (
    "ไม่มี",
    "โลก",
    "ทวีป/กลุ่มประเทศในทวีป",
    "กลุ่มประเทศทางเศรษฐกิจ",
    "ประเทศ",
    "ภาค",
    "จังหวัด",
    "อำเภอ",
    "ตำบล",
    "หมู่บ้าน",
    "เทศบาล/อบต.",
    "พิกัด",
    UNKNOWN,
    OTHER,
)
MUNICIPALITY_COVERAGE = "เทศบาล/อบต."

# "DOC/DOCX" is in the fact sheet's list but not in the copy of the schema checked: a Word file is sent as
# OTHER with ``data_format_other`` "DOC/DOCX", which both lists allow.
DATA_FORMATS = (
    "Database",
    "CSV",
    "XML",
    "Image",
    "Video",
    "Audio",
    "Text",
    "JSON",
    "HTML",
    "XLS",
    "PDF",
    "RDF",
    "NoSQL",
    "Arc/Info Coverage",
    "Shapefile",
    "GeoTiff",
    "GML",
    UNKNOWN,
    OTHER,
)

DATA_CATEGORIES = (
    "ข้อมูลสาธารณะ",
    "ข้อมูลส่วนบุคคล",
    "ข้อมูลความมั่นคง",
    "ข้อมูลความลับทางราชการ",
)
PUBLIC_DATA = "ข้อมูลสาธารณะ"

LICENSES = (
    "License not specified",
    "Creative Commons Attributions",
    "Creative Commons Attribution Share-Alike",
    "Creative Commons Non-Commercial (Any)",
    "Open Data Common",
    "GNU Free Documentation License",
    OTHER,
)
OPEN_DATA_COMMON = "Open Data Common"

DATA_LANGUAGES = (
    "ไทย",
    "อังกฤษ",
    "จีน",
    "มลายู",
    "พม่า",
    "ลาว",
    "เขมร",
    "ญี่ปุ่น",
    "เกาหลี",
    "ฝรั่งเศส",
    "เยอรมัน",
    "อารบิก",
    UNKNOWN,
    OTHER,
)
THAI = "ไทย"

BOOLEANS = ("False", "True")


@dataclass(frozen=True)
class Field:
    """One dataset field of the schema: its name, Thai label, whether required, allowed values."""

    name: str
    label_th: str
    required: bool = False
    choices: tuple[str, ...] = ()
    multiple: bool = False  # a multiple choice: CKAN answers a list of values
    standing: str = CONFIRMED
    note: str = ""


FIELDS = (
    Field("data_type", "ประเภทชุดข้อมูล", True, DATA_TYPES),
    Field("title", "ชื่อชุดข้อมูล", True),
    Field("name", "URL"),
    Field("owner_org", "Organization", True, note="required by CKAN itself, not by the schema"),
    Field("allow_harvest", "ยินยอมให้นำชื่อชุดข้อมูลไปใช้ที่ GD-Catalog", False, BOOLEANS),
    Field("maintainer", "ชื่อผู้ติดต่อ", True),
    Field("maintainer_email", "อีเมลผู้ติดต่อ", True),
    Field("tag_string", "คำสำคัญ", True, note="sent as CKAN's ``tags`` list as well"),
    Field("notes", "Description", True),
    Field("objective", "วัตถุประสงค์", True, OBJECTIVES, multiple=True),
    Field("update_frequency_unit", "หน่วยความถี่ของการปรับปรุงข้อมูล", True, UPDATE_FREQUENCY_UNITS),
    Field("update_frequency_interval", "ค่าความถี่ของการปรับปรุงข้อมูล (ความถี่น้อยที่สุด)"),
    Field("geo_coverage", "ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่", True, GEO_COVERAGES),
    Field("data_source", "แหล่งที่มา", True),
    Field(
        "data_format",
        "รูปแบบการเก็บข้อมูล",
        True,
        DATA_FORMATS,
        multiple=True,
        standing=PARTIAL,
        note="the fact sheet lists DOC/DOCX too; the copy of the schema checked does not",
    ),
    Field("data_category", "หมวดหมู่ข้อมูลตามธรรมาภิบาลข้อมูลภาครัฐ", True, DATA_CATEGORIES),
    Field("license_id", "License", True, LICENSES),
    Field("url", "URL"),
    Field("data_language", "ภาษาที่ใช้", False, DATA_LANGUAGES, multiple=True),
    Field("created_date", "วันที่เริ่มต้นสร้าง", standing=PARTIAL, note="a date; sent as YYYY-MM-DD"),
    Field("last_updated_date", "วันที่ปรับปรุงข้อมูลล่าสุด", standing=PARTIAL, note="sent as YYYY-MM-DD"),
    Field(
        "first_year_of_data",
        "ปีข้อมูลที่เริ่มต้นจัดทำ (สำหรับชุดข้อมูลสถิติ)",
        standing=UNCONFIRMED,
        note="free text in the schema; sent as a Buddhist-Era year",
    ),
    Field(
        "last_year_of_data",
        "ปีข้อมูลล่าสุดที่เผยแพร่ (สำหรับชุดข้อมูลสถิติ)",
        standing=UNCONFIRMED,
        note="free text in the schema; sent as a Buddhist-Era year",
    ),
)
FIELDS_BY_NAME = {field.name: field for field in FIELDS}
REQUIRED = tuple(field.name for field in FIELDS if field.required)
# The ``<field>_other`` text a choice of OTHER asks for (DATA_TYPE_OTHER plays that part for data_type).
OTHER_FIELDS = {
    "data_type": "data_type_other",
    "objective": "objective_other",
    "update_frequency_unit": "update_frequency_unit_other",
    "geo_coverage": "geo_coverage_other",
    "data_format": "data_format_other",
    "license_id": "license_id_other",
    "data_language": "data_language_other",
}


def choices(values) -> list[tuple[str, str]]:
    """Django choices whose stored value and label are both the schema's value."""
    return [(value, value) for value in values]


def problems(package: dict) -> list[str]:
    """What in a CKAN package dict breaks the schema's rules: a required field empty, a value not allowed,
    OTHER without its text. An empty list for a valid package."""
    found = []
    for field in FIELDS:
        value = package.get(field.name)
        values = value if isinstance(value, list) else [value]
        values = [item for item in values if item not in (None, "")]
        if field.required and not values:
            found.append(f"{field.name}: required")
            continue
        if field.choices:
            for item in values:
                if str(item) not in field.choices:
                    found.append(f"{field.name}: {item!r} is not an allowed value")
        other = OTHER_FIELDS.get(field.name)
        asks_other = OTHER in values or (field.name == "data_type" and DATA_TYPE_OTHER in values)
        if other and asks_other and not package.get(other):
            found.append(f"{other}: required when {field.name} is {OTHER}")
    for resource in package.get("resources", []):
        if not resource.get("name"):
            found.append("resources: a resource without a name")
    return found
