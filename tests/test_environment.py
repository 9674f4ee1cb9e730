"""environment.yml gives a conda user the same packages that pyproject.toml gives a pip user."""

from __future__ import annotations

import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT


def normalised(specs: list[str]) -> dict[str, str]:
    out = {}
    for spec in specs:
        req = Requirement(spec)
        out[canonicalize_name(req.name)] = str(req.specifier)
    return out


def pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = list(project["dependencies"])
    for extra in ("notebooks", "test"):
        specs += project["optional-dependencies"][extra]
    return normalised(specs)


def conda_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    specs = []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            specs += [d for d in dep["pip"] if not d.startswith("-")]
        elif not dep.startswith(("python=", "pip")):
            specs.append(dep)
    return normalised(specs)


def test_environment_yml_names_the_same_dependencies_as_pyproject():
    assert conda_requirements() == pyproject_requirements()


def test_environment_yml_uses_conda_forge_and_python_311():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"]
    assert "python=3.11" in env["dependencies"]
