"""README documents every diagnostic code, and its first screen has the two set-up commands."""

from ia.messages import MESSAGES
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_code_is_documented_with_an_example():
    for code in MESSAGES:
        assert f"| {code} |" in README, f"{code} is not in README's table of codes"


def test_first_screen_has_build_and_test_commands():
    first_screen = "\n".join(README.splitlines()[:12])
    assert "make build" in first_screen and "make test" in first_screen


def test_ci_runs_readmes_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_no_code_is_defined_twice():
    # A dict literal keeps the last of two equal keys without a word: two features taking
    # the same free number would silently lose one's message.
    import ast
    import collections

    tree = ast.parse((ROOT / "ia" / "messages.py").read_text(encoding="utf-8"))
    keys = [node.value for d in ast.walk(tree) if isinstance(d, ast.Dict)
            for node in d.keys if isinstance(node, ast.Constant) and str(node.value).startswith("IA")]
    assert len(keys) > 100
    assert [code for code, n in collections.Counter(keys).items() if n > 1] == []
