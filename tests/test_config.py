"""Config loading: one file per case in testdata/config, each bad one with the exact error it must produce."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mailfactory import REPO
from mailrouter.config import ConfigError, load_config

CASES = Path(__file__).parent / "testdata" / "config"
BAD = sorted(CASES.glob("conf.bad-*.toml"))
GOOD = sorted(CASES.glob("conf.good-*.toml"))


def expected_errors(path: Path) -> list[str]:
    return [line[len("# expect: "):] for line in path.read_text().splitlines() if line.startswith("# expect: ")]


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_config_is_refused_with_file_line_and_key(path):
    with pytest.raises(ConfigError) as info:
        load_config(path)
    got = [p.replace(str(path), path.name) for p in info.value.problems]
    assert got == expected_errors(path)


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.stem)
def test_good_config_loads(path):
    config = load_config(path)
    assert config.mailboxes


def test_shipped_example_config_loads():
    config = load_config(REPO / "config.toml")
    assert set(config.mailboxes) == {"humanrights", "emergency"}
    assert config.urgency.levels[-1] == "critical"
    assert config.store.url.startswith("sqlite:///") and Path(config.store.url[10:]).is_absolute()


def test_cli_check_reports_error_without_traceback(tmp_path):
    bad = CASES / "conf.bad-unknown-team.toml"
    result = subprocess.run([sys.executable, "-m", "mailrouter.cli", "check", "-c", str(bad)],
                            capture_output=True, text=True, cwd=str(REPO))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "conf.bad-unknown-team.toml:" in result.stderr and "unknown team 'on-call'" in result.stderr


def test_missing_password_env_is_a_clear_error(tmp_path, monkeypatch):
    text = (CASES / "conf.good-minimal.toml").read_text().replace('tls = "none"', 'tls = "none"\npassword_env = "MR_TEST_UNSET_PW"')
    path = tmp_path / "c.toml"
    path.write_text(text)
    monkeypatch.delenv("MR_TEST_UNSET_PW", raising=False)
    config = load_config(path)
    with pytest.raises(ConfigError, match="environment variable MR_TEST_UNSET_PW is not set"):
        config.smtp.resolve_password()
