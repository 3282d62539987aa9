"""Project-wide guarantees: migrations, settings, offline assets, layering."""

import ast
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

SRC = Path(__file__).resolve().parent.parent / "src" / "grappe"


@pytest.mark.django_db
def test_migrations_match_the_models():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


def _settings_with(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "-c", "import grappe.settings as s; print(s.SECRET_KEY[:5], s.DEBUG)"],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _settings_with({"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_uses_the_given_secret_key():
    result = _settings_with({"DEBUG": "0", "SECRET_KEY": "abcdefgh-production"})
    assert result.stdout.split() == ["abcde", "False"]


def test_demo_has_a_default_key_only_in_debug():
    assert _settings_with({"DEBUG": "1"}).stdout.startswith("grapp")


def test_templates_load_nothing_from_another_host():
    for template in (SRC / "templates").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        for marker in ('src="http', "src='http", 'href="http://cdn', 'href="https://cdn', "//cdn."):
            assert marker not in text, f"{template} loads an asset from another host"


# Which app may import which: dependencies point one way (docs/architecture.md).
ALLOWED_IMPORTS = {
    # The meeting scheduler is plain Python: no other app, and no Django (checked below).
    "scheduling": set(),
    "core": set(),
    "members": {"core"},
    "directory": {"core", "members"},
    "labelling": {"core", "members", "directory"},
    "events": {"core", "members", "directory", "labelling", "scheduling"},
    "reporting": {"core", "members", "directory", "labelling", "events"},
    "api": {"core", "members", "directory", "labelling", "events", "reporting"},
    "demo": {"core", "members", "directory", "labelling", "events", "reporting", "scheduling"},
}


def _grappe_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("grappe."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("grappe.")}
    return found


@pytest.mark.parametrize("app", sorted(ALLOWED_IMPORTS))
def test_apps_depend_one_way(app):
    for path in (SRC / app).rglob("*.py"):
        imported = _grappe_imports(path) - {app}
        assert imported <= ALLOWED_IMPORTS[app], f"{path} imports {imported}"


def test_the_scheduler_imports_no_django():
    for path in (SRC / "scheduling").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                assert name.split(".")[0] != "django", f"{path}:{node.lineno} imports {name}"


def test_no_imports_inside_functions():
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                for node in ast.walk(func):
                    # The `grappe` command imports Django only once the settings are preset,
                    # and an app's ready() is where Django lets it import its models.
                    allowed = path.name == "__main__.py" or (
                        path.name == "apps.py" and func.name == "ready"
                    )
                    if isinstance(node, ast.Import | ast.ImportFrom) and not allowed:
                        pytest.fail(f"{path}:{node.lineno} imports inside {func.name}()")
