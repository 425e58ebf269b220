"""The overview as the secretariat passes it on: a rich table, an HTML page with charts, Excel.

Every output is deterministic: the Excel file carries the newest follow-up's date as its
creation time (XlsxWriter fixes the zip entries' own timestamps), the charts are
matplotlib's SVG with stable ids.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

from ia.followup.overview import Overview
from ia.followup.views import ALL_STATUSES, NO_STATUS, status_label
from ia.models import KpiValue

# Chart colours per status, the darker tones of followup.css.
STATUS_COLOURS = {"opfyldt": "#1e6b34", "delvist opfyldt": "#c98a00", "ikke opfyldt": "#a1251b",
                  "udskudt": "#3d4f99", "ikke påbegyndt": "#8a949b", NO_STATUS: "#d0d5d9"}
GOAL_COLUMNS = ["År", "Aftale", "Enhed", "Opfølgning", "Dato", "Mål nr.", "Nøgle", "Mål", "Område", "Status",
                "Forklaring", "KPI'er ikke nået"]
KPI_COLUMNS = ["År", "Aftale", "Enhed", "Opfølgning", "Mål nr.", "Mål", "Status", "KPI-tabel", "Indikator",
               "Udgangspunkt", "Mål for KPI", "Faktisk", "Vurdering"]


def status_columns(overview: Overview) -> list[str]:
    """The statuses the overview shows: the fixed five, and 'ingen status' when some goal has none."""
    return [s for s in ALL_STATUSES if s != NO_STATUS or any(c.count(NO_STATUS) for c in overview.centers)]


def summary_rows(overview: Overview) -> list[list[str | int]]:
    """One row per agreement: id, name, follow-up, count per status, goals, KPIs not met."""
    statuses = status_columns(overview)
    return [[c.id, c.unit_name, c.period_name + (f" {c.date.isoformat()}" if c.date else ""),
             *(c.count(s) for s in statuses), len(c.lines), c.kpis_missed] for c in overview.centers]


def rich_table(overview: Overview):
    """The overview for the terminal: one row per agreement, a column per status."""
    from rich.table import Table

    statuses = status_columns(overview)
    table = Table(title=f"Opfølgning på institutionsaftaler {overview.year}", title_justify="left")
    table.add_column("Aftale", no_wrap=True)
    table.add_column("Opfølgning", no_wrap=True)
    for status in statuses:
        table.add_column(status_label(status), justify="right")
    table.add_column("Mål", justify="right")
    table.add_column("KPI'er ikke nået", justify="right")
    for center in overview.centers:
        shown = f"{center.period_name} {center.date.isoformat()}" if center.date else center.period_name
        table.add_row(center.id, shown, *(str(center.count(s)) for s in statuses), str(len(center.lines)),
                      str(center.kpis_missed))
    return table


def _cell(value: KpiValue) -> str | int | float:
    # Excel keeps numbers as binary floats; a KPI value has at most a few decimals.
    if isinstance(value, Decimal):
        return float(value)
    return "" if value is None else value


def xlsx(overview: Overview) -> bytes:
    """Every goal with its status, and every KPI row with its values, as an Excel workbook."""
    import xlsxwriter

    buffer = io.BytesIO()
    stamp = dt.datetime.combine(overview.date, dt.time())
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    workbook.set_properties({"title": f"Opfølgning på institutionsaftaler {overview.year}",
                             "author": "Aabenraa Kommune, Social & Sundhed", "created": stamp})
    bold = workbook.add_format({"bold": True, "bg_color": "#00558C", "font_color": "#FFFFFF"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    goals = workbook.add_worksheet("Mål")
    kpis = workbook.add_worksheet("KPI'er")
    for sheet, columns in ((goals, GOAL_COLUMNS), (kpis, KPI_COLUMNS)):
        sheet.write_row(0, 0, columns, bold)
        sheet.freeze_panes(1, 0)
    g = k = 1
    for center in overview.centers:
        for line in center.lines:
            goals.write_row(g, 0, [overview.year, center.id, center.unit_name, center.period_name,
                                   center.date.isoformat() if center.date else "", line.number, line.key, line.title,
                                   line.area, line.status])
            goals.write(g, 10, line.explanation or "", wrap)
            goals.write(g, 11, len(line.missed))
            g += 1
            for table in line.kpis:
                for row in table.lines:
                    kpis.write_row(k, 0, [overview.year, center.id, center.unit_name, center.period_name, line.number,
                                          line.title, line.status, table.kpi.caption or table.kpi.id, row.indicator,
                                          _cell(row.raw_baseline), _cell(row.raw_target), _cell(row.raw_actual), row.verdict])
                    k += 1
    goals.autofilter(0, 0, max(g - 1, 1), len(GOAL_COLUMNS) - 1)
    kpis.autofilter(0, 0, max(k - 1, 1), len(KPI_COLUMNS) - 1)
    for sheet, widths in ((goals, [6, 16, 28, 20, 11, 7, 24, 40, 24, 16, 60, 10]),
                          (kpis, [6, 16, 28, 20, 7, 40, 16, 28, 40, 12, 12, 12, 10])):
        for column, width in enumerate(widths):
            sheet.set_column(column, column, width)
    workbook.close()
    return buffer.getvalue()


def _chart(overview: Overview, *, caption: str, series: list[str], rows: list[list], colours: list[str], alt: str) -> str:
    from ia.models import Chart, Column, TableData
    from ia.render.charts import chart_svg

    table = TableData(columns=[Column(label="Aftale"), *(Column(label=s, type="number") for s in series)],
                      rows=rows, chart=Chart(type="søjle", caption=caption, series=series, alt=alt))
    svg = chart_svg(table, colours=colours, whole=True)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def html(overview: Overview, *, folder: Path | None = None) -> str:
    """The overview as one self-contained HTML page with its charts and tables."""
    from ia.render.fonts import font_face_css
    from ia.render.html import Verbatim, environment, templates_dir

    statuses = status_columns(overview)
    labels = [status_label(s) for s in statuses]
    charts = []
    if overview.centers:
        status_alt = "; ".join(f"{c.unit_short}: " + ", ".join(f"{c.count(s)} {s}" for s in statuses)
                               for c in overview.centers)
        charts.append(("Målene efter status pr. aftale", _chart(
            overview, caption="Målene efter status pr. aftale", series=labels,
            rows=[[c.unit_short, *(c.count(s) for s in statuses)] for c in overview.centers],
            colours=[STATUS_COLOURS[s] for s in statuses], alt=status_alt), status_alt))
        kpi_alt = "; ".join(f"{c.unit_short}: {c.kpis_missed} ikke nået, {c.kpis_met} nået" for c in overview.centers)
        charts.append(("KPI'er, der har nået og ikke nået målet, pr. aftale", _chart(
            overview, caption="KPI'er pr. aftale", series=["Ikke nået", "Nået"],
            rows=[[c.unit_short, c.kpis_missed, c.kpis_met] for c in overview.centers],
            colours=[STATUS_COLOURS["ikke opfyldt"], STATUS_COLOURS["opfyldt"]], alt=kpi_alt), kpi_alt))
    env = environment(folder)
    templates = folder or templates_dir()
    css = templates / "css"
    styles = Verbatim("\n".join([font_face_css(templates / "fonts"), *(
        (css / name).read_text(encoding="utf-8") for name in ("base.css", "screen.css", "print.css", "followup.css"))]))
    return env.get_template("followup/status.html.j2").render(
        overview=overview, statuses=statuses, labels=labels, rows=summary_rows(overview), charts=charts,
        styles=styles, title=f"Opfølgning på institutionsaftaler {overview.year}", status_label=status_label,
        created=overview.date.isoformat())


def pdf(overview: Overview, *, root: Path) -> bytes:
    """The overview's HTML page as a PDF (A4, the agreements' page furniture), made in the
    same isolated, time- and memory-limited child as every other PDF."""
    from ia.output import PDF_MEMORY, PDF_TIMEOUT, isolated, pdf_bytes
    from ia.resources import templates_dir

    templates = templates_dir()
    data, _pages, refused, _read = isolated(
        pdf_bytes, html(overview), timeout=PDF_TIMEOUT, memory=PDF_MEMORY, base=templates / "css",
        stylesheets=[templates / "css" / "pdf.css"], allowed=[templates], variant="pdf/ua-1", repository=root,
        attachment=None, date=overview.date)
    if refused:  # the page embeds its charts and fonts; it never asks for anything
        raise RuntimeError(f"refused: {refused}")
    return data
