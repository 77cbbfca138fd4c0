"""Guards on how the apps depend on each other: one public door between them."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(package: str) -> dict[str, set[str]]:
    """Return, for each module of `package`, the modules it imports.

    `from accounts import compat` counts as importing `accounts.compat`.
    """
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
                if "." not in node.module:
                    names |= {f"{node.module}.{alias.name}" for alias in node.names}
        found[str(path.relative_to(ROOT))] = names
    return found


def test_randomuser_imports_only_the_public_module_of_accounts() -> None:
    used = {
        name
        for names in imported_modules("randomuser").values()
        for name in names
        if name.startswith("accounts.")
    }
    assert used == {"accounts.shared"}


def test_accounts_never_imports_the_project_or_randomuser() -> None:
    for module, names in imported_modules("accounts").items():
        assert not {name.split(".")[0] for name in names} & {"jwtsite", "randomuser"}, module


def test_only_the_course_routes_import_the_course_views() -> None:
    importers = {
        module
        for module, names in imported_modules("accounts").items()
        if "accounts.compat" in names
    }
    assert importers == {"accounts/compat_urls.py"}


def test_the_readme_layout_names_every_module() -> None:
    readme = (ROOT / "README.md").read_text()
    layout = readme[readme.index("## Layout") : readme.index("## Development")]
    unnamed = [
        str(path.relative_to(ROOT))
        for package in ("jwtsite", "accounts", "randomuser")
        for path in sorted((ROOT / package).glob("*.py"))
        if path.name != "__init__.py"
        and f"`{path.name}`" not in layout
        and f"`{path.relative_to(ROOT)}`" not in layout
    ]
    assert unnamed == []
