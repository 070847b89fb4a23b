"""khcal keeps no answers: every run computes its answer from its inputs, whatever a run before it saw.

The ways a store of whole answers went wrong, each tried on the command as a script runs it: a settings file
replaced by one of the same size and times, two runs from different installs or folders, a working folder
that has been deleted, and what is left in the cache folder afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support.definitions import company

TODAY = ("--today", "2027-01-05")


def khcal(*args: str, env: dict[str, str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "khcal", *args], env=env, cwd=cwd, capture_output=True, text=True,
        timeout=120, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    found = {k: v for k, v in os.environ.items() if not k.startswith("KHCAL_")}
    found.update(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    found["PYTHONPATH"] = os.pathsep.join(sys.path)
    return found


def test_a_settings_file_replaced_with_the_same_size_and_times_gives_the_new_answer(
    env: dict[str, str], tmp_path: Path
) -> None:
    settings = tmp_path / "config" / "khcal" / "config.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text('lang = "en"\n', encoding="utf-8")
    stamp = (1_700_000_000, 1_700_000_000)
    os.utime(settings, stamp)
    english = khcal("is-workday", "2027-01-07", *TODAY, env=env)
    assert english.stdout == "2027-01-07 Thursday: day off: Victory over Genocide Day\n"
    settings.write_text('lang = "km"\n', encoding="utf-8")  # `cp -p`, `rsync -t`, `tar x`: same size, times
    os.utime(settings, stamp)
    khmer = khcal("is-workday", "2027-01-07", *TODAY, env=env)
    assert (khmer.returncode, english.returncode) == (1, 1)
    assert khmer.stdout != english.stdout
    assert "Thursday" not in khmer.stdout and "ព្រហស្បតិ៍" in khmer.stdout


def test_a_deleted_working_folder_still_gets_its_answer(env: dict[str, str], tmp_path: Path) -> None:
    """`khcal is-workday && run-payroll` from a folder that another process removed."""
    gone = tmp_path / "gone"
    code = (
        "import os, subprocess, sys\n"
        f"os.makedirs({str(gone)!r}); os.chdir({str(gone)!r}); os.rmdir({str(gone)!r})\n"
        "command = [sys.executable, '-m', 'khcal', *sys.argv[1:]]\n"
        "done = subprocess.run(command, capture_output=True, text=True)\n"
        "print(done.returncode, done.stdout, done.stderr, sep='|', end='')\n"
    )
    for day, answer in (("2027-01-08", "0|2027-01-08 Friday: working day\n|"), ("2027-01-07", "1|")):
        done = subprocess.run(
            [sys.executable, "-c", code, "is-workday", day, *TODAY], env=env, capture_output=True, text=True,
            timeout=120, check=True,
        )  # fmt: skip
        assert done.stdout.startswith(answer), done.stdout


def test_runs_leave_no_answers_behind(env: dict[str, str], tmp_path: Path) -> None:
    """The quick commands write nothing but the compiled catalogue of the user's own files (if any)."""
    for args in (
        ["is-holiday", "2027-01-07"],
        ["today", "--short"],
        ["next"],
        ["workdays", "add", "today", "3"],
    ):
        assert khcal(*args, *TODAY, env=env).returncode in (0, 1)
    cache = tmp_path / "cache" / "khcal"
    kept = sorted(p.name for p in cache.iterdir()) if cache.exists() else []
    assert all(name.startswith("catalogue-") for name in kept), kept
    assert len(kept) <= 1


def test_two_folders_and_two_homes_each_get_their_own_answer(env: dict[str, str], tmp_path: Path) -> None:
    """The same command line in two working folders, with relative --file paths, and with two settings
    folders: each answer comes from its own inputs."""
    for month in (1, 2):
        folder = tmp_path / f"office-{month}"
        folder.mkdir()
        (folder / "company.toml").write_text(company(month), encoding="utf-8")
    for month in (1, 2):
        done = khcal("is-holiday", "2027-01-14", "--file", "company.toml", *TODAY, env=env,
                     cwd=tmp_path / f"office-{month}")  # fmt: skip
        assert done.returncode == (0 if month == 1 else 1), done.stderr


@pytest.mark.parametrize("args", [["is-holiday", "2027-01-07"], ["today", "--short"], ["next"], ["list"]])
def test_a_closed_output_is_one_line_and_exit_2(args: list[str], env: dict[str, str]) -> None:
    """`khcal next >&-`: stdout closed before khcal starts; `&& run-payroll` must not run."""
    done = subprocess.run(
        [sys.executable, "-m", "khcal", *args, *TODAY], env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True, timeout=120, check=False,
        preexec_fn=lambda: os.close(1),
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (2, "khcal: cannot write the output: Bad file descriptor\n")
