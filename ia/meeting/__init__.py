"""Meetings: a body's agenda (dagsorden) and minutes (referat), the third kind of document.

source → validate → checks → render, as for agreements: `load.read_meeting` reads and
validates a meeting folder into `document.Meeting`, `checks.run_checks` applies the rules,
`render.render_html` composes the minutes or the agenda, `oparl.export_json` the open data,
`new.plan` the next meeting. `ia.kinds.meeting` is what the pipeline calls.
"""
