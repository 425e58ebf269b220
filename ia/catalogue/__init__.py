"""The Indsatskatalog: a catalogue of offers, the second kind of document `ia` builds.

`models` is what catalogue.yaml may say, `load` reads a catalogue folder and the register
of offers into a `Catalogue`, `checks` holds the catalogue's own rules, `view` turns a
catalogue into what the templates show, `diff` compares two editions.
"""
