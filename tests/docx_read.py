"""Reads a .docx the way an independent program does, for tests/office.rs.

python-docx opens it and lists its paragraphs with their styles; the raw XML
parts give the section, the grid, the fonts, the footers and the properties.
Prints one JSON object.
"""

import json
import re
import sys
import zipfile

import docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

path = sys.argv[1]
document = docx.Document(path)
package = zipfile.ZipFile(path)


def attributes(element):
    return {key.replace(W, ""): value for key, value in element.attrib.items()}


def paragraphs(container):
    return [{"style": p.style.name, "text": p.text} for p in container.paragraphs]


body = paragraphs(document)
tables = [
    [[paragraphs(cell) for cell in row.cells] for row in table.rows]
    for table in document.tables
]
section = document.sections[0]
sect_pr = section._sectPr
grid = sect_pr.find(W + "docGrid")
margins = sect_pr.find(W + "pgMar")
size = sect_pr.find(W + "pgSz")
styles = document.styles
normal = styles["Normal"]
spacing = normal.element.find(f"{W}pPr/{W}spacing")
char_spacing = normal.element.find(f"{W}rPr/{W}spacing")
xml = {name: package.read(name).decode("utf-8") for name in package.namelist() if name.endswith(".xml")}
fonts = []
for name, text in xml.items():
    for match in re.finditer(r"<w:rFonts [^>]*>", text):
        fonts.append(match.group(0))
footers = {
    name: re.sub(r"<[^>]+>", "", text)
    for name, text in xml.items()
    if name.startswith("word/footer")
}
core = document.core_properties

print(
    json.dumps(
        {
            "paragraphs": body,
            "tables": tables,
            "page": attributes(size),
            "margins": attributes(margins),
            "grid": attributes(grid),
            "normal_spacing": attributes(spacing) if spacing is not None else {},
            "normal_char_spacing": char_spacing.get(W + "val") if char_spacing is not None else None,
            "styles": sorted(s.name for s in styles),
            "rfonts": fonts,
            "footers": footers,
            "footer_fields": {name: "PAGE" in text for name, text in xml.items() if name.startswith("word/footer")},
            "settings": xml["word/settings.xml"],
            "document": xml["word/document.xml"],
            "title": core.title,
            "author": core.author,
            "language": core.language,
            "created": core.created.isoformat() if core.created else None,
            "keywords": core.keywords,
            "parts": sorted(package.namelist()),
        },
        ensure_ascii=False,
    )
)
