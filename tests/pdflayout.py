"""Read where things landed in a tagged PDF: the structure tree in reading order, with the
page of every piece of marked content, so page-break rules can be tested from the file."""

from __future__ import annotations

from dataclasses import dataclass, field

from pypdf import PdfReader


@dataclass
class Node:
    """A structure element with the pages of its own content, in reading order."""

    tag: str
    attributes: dict
    children: list["Node"] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)  # content directly in this element
    first: int = -1  # index of its first leaf in the document's leaf order
    last: int = -1
    parent: "Node | None" = None

    def ancestors(self):
        node = self
        while node is not None:
            yield node
            node = node.parent

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Layout:
    root: Node
    leaves: list[tuple[int, Node]]  # (page, element) of every piece of content, in reading order
    texts: list[str]  # the text of each leaf

    def first_page(self, node: Node) -> int:
        return self.leaves[node.first][0]

    def last_page(self, node: Node) -> int:
        return self.leaves[node.last][0]

    def pages(self, node: Node) -> set[int]:
        return {page for page, _ in self.leaves[node.first:node.last + 1]}

    def next_page(self, node: Node) -> int | None:
        """The page of the first content after `node` in reading order."""
        return self.leaves[node.last + 1][0] if node.last + 1 < len(self.leaves) else None


def read_layout(path) -> Layout:
    """Build the structure tree of a tagged PDF with the page of every marked-content piece."""
    reader = PdfReader(path)
    numbers = {page.indirect_reference.idnum: index + 1 for index, page in enumerate(reader.pages)}
    content = {index + 1: marked_texts(page) for index, page in enumerate(reader.pages)}
    leaves: list[tuple[int, Node]] = []
    texts: list[str] = []

    def build(obj, page: int | None) -> Node | None:
        obj = obj.get_object() if hasattr(obj, "get_object") else obj
        if "/S" not in obj:
            return None
        pg = obj.get("/Pg")
        page = numbers[pg.idnum] if pg is not None else page
        node = Node(str(obj["/S"]), dict(obj.get("/A", {}) or {}))
        node.first = len(leaves)
        kids = obj.get("/K")
        kids = kids.get_object() if hasattr(kids, "get_object") else kids
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, int) or (hasattr(kid, "keys") and "/MCID" in kid):
                mcid, kid_page = (kid, page) if isinstance(kid, int) else (
                    kid["/MCID"], numbers[kid["/Pg"].idnum] if "/Pg" in kid else page)
                leaves.append((kid_page, node))
                texts.append(content[kid_page].get(mcid, ""))
                node.pages.append(kid_page)
            elif hasattr(kid, "keys"):
                child = build(kid, page)
                if child is not None:
                    child.parent = node
                    node.children.append(child)
        node.last = len(leaves) - 1
        return node

    tree = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    root = Node("/StructTreeRoot", {})
    kids = tree["/K"]
    kids = kids.get_object() if hasattr(kids, "get_object") else kids
    for kid in kids if isinstance(kids, list) else [kids]:
        child = build(kid, None)
        if child is not None:
            child.parent = root
            root.children.append(child)
    root.first, root.last = 0, len(leaves) - 1
    return Layout(root, leaves, texts)


def marked_texts(page) -> dict[int, str]:
    """Return the text of each marked-content sequence (MCID) on a page."""
    stack: list[int | None] = []
    texts: dict[int, str] = {}

    def before(operator, operands, *_):
        if operator == b"BDC":
            properties = operands[1] if len(operands) > 1 else None
            stack.append(properties.get("/MCID") if hasattr(properties, "get") else None)
        elif operator == b"BMC":
            stack.append(None)
        elif operator == b"EMC" and stack:
            stack.pop()

    def text(value, *_):
        current = next((m for m in reversed(stack) if m is not None), None)
        if current is not None:
            texts[current] = texts.get(current, "") + value

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return texts


HEADINGS = {"/H1", "/H2", "/H3", "/H4", "/H5", "/H6", "/Caption"}


def _text(layout: Layout, node: Node) -> str:
    return " ".join(" ".join(layout.texts[node.first:node.last + 1]).split())


def page_end_problems(layout: Layout, questions: list[str]) -> list[str]:
    """Headings, captions, questions and lead-ins ("… følgende:") that end a page
    without what they introduce."""
    problems = []
    pages = sorted({page for page, _ in layout.leaves})
    for page in pages[:-1]:
        on_page = [i for i, (p, _) in enumerate(layout.leaves) if p == page and layout.texts[i].strip()]
        if not on_page:
            continue
        last = layout.leaves[on_page[-1]][1]
        text = " ".join(" ".join(layout.texts[i] for i in on_page).split())
        heading = next((n for n in last.ancestors() if n.tag in HEADINGS), None)
        if heading is not None:
            problems.append(f"p. {page} ends with {heading.tag[1:]} '{_text(layout, heading)}'")
        after = layout.leaves[on_page[-1] + 1][1] if on_page[-1] + 1 < len(layout.leaves) else None
        chapter_next = after is not None and any(n.tag == "/H2" for n in after.ancestors())
        if text.endswith(":") and not chapter_next:  # a chapter starts a page by design
            problems.append(f"p. {page} ends with a lead-in '…{text[-50:]}' without what it introduces")
        for question in questions:
            words = question.split()
            if any(text.endswith(" ".join(words[:k])) for k in range(2, len(words) + 1)):
                problems.append(f"p. {page} ends with the question '{question}' without its answer")
    return problems


def table_fragments(layout: Layout) -> list[list[Node]]:
    """Group the /Table elements of each page into tables: a table split over pages is
    one /Table per page, the next one starting its page where the previous one ended its,
    without a caption and under the same (repeated) column headings."""
    tables = [n for n in layout.root.walk() if n.tag == "/Table" and n.last >= n.first]
    grouped: list[list[Node]] = []
    for table in tables:
        if grouped:
            previous = grouped[-1][-1]
            page_end = layout.last_page(previous) != layout.next_page(previous)
            continued = (page_end and previous.last + 1 == table.first
                         and not any(n.tag == "/Caption" for n in table.children)
                         and _head(layout, table) == _head(layout, previous))
            if continued:
                grouped[-1].append(table)
                continue
        grouped.append([table])
    return grouped


def _head(layout: Layout, table: Node) -> str:
    return " ".join(_text(layout, n) for n in table.children if n.tag == "/THead")


def body_rows(table: Node) -> list[Node]:
    return [row for group in table.children if group.tag == "/TBody" for row in group.children if row.tag == "/TR"]


def table_problems(layout: Layout, small: int = 12) -> list[str]:
    """Split small tables, rows left alone on a page, group labels parted from their rows."""
    problems = []
    for fragments in table_fragments(layout):
        if len(fragments) < 2:
            continue
        counts = [len(body_rows(f)) for f in fragments]
        where = f"table on p. {layout.first_page(fragments[0])}"
        if sum(counts) <= small:
            problems.append(f"{where} has {sum(counts)} rows but is split over pages {counts}")
        if min(counts) < 2:
            problems.append(f"{where} leaves a single row on a page {counts}")
        for fragment in fragments[:-1]:
            rows = body_rows(fragment)
            cells = rows[-1].children if rows else []
            if cells and all(c.last < c.first or not _text(layout, c) for c in cells[1:]) and _text(layout, cells[0]):
                problems.append(f"{where} ends a page with the group label '{_text(layout, cells[0])}'")
    return problems
