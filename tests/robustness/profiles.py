"""Hypothesis settings for the robustness suite, picked by environment.

    HYPOTHESIS_PROFILE=ci     (default) small: the whole suite in about 2 minutes
    HYPOTHESIS_PROFILE=long   thorough: FUZZ_EXAMPLES examples per test (default 5000)
    HYPOTHESIS_PROFILE=dev    a middle ground for local runs (300 per test)
    FUZZ_EXAMPLES=N           overrides the number of examples of any profile

The profiles are plain ``settings`` objects applied with ``@fuzz_settings(...)``
on this suite's tests only: nothing is registered or loaded globally, so
other tests keep Hypothesis' defaults. The example database lives in the
git-ignored tests/artifacts/hypothesis, so a failure found once is replayed
first on the next run on the same machine. Under CI (env CI set) the ci
profile is derandomized: the same inputs every run, so CI never turns red
on an input nobody has seen; fuzzing for new inputs is what long runs are for.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis.database import DirectoryBasedExampleDatabase

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"

# Examples per test, by weight: "heavy" tests render a .docx per example.
BUDGETS = {
    "ci": {"light": 200, "heavy": 100, "api": 80},
    "dev": {"light": 300, "heavy": 300, "api": 150},
    "long": {"light": 5000, "heavy": 5000, "api": 1000},
}

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
if PROFILE not in BUDGETS:
    raise RuntimeError(f"HYPOTHESIS_PROFILE={PROFILE!r}: choose one of {', '.join(BUDGETS)}")


def _database():
    try:
        ARTIFACTS.mkdir(exist_ok=True)
        return DirectoryBasedExampleDatabase(str(ARTIFACTS / "hypothesis"))
    except OSError:
        return None


def examples_for(weight: str) -> int:
    override = os.environ.get("FUZZ_EXAMPLES")
    if override:
        return int(override)
    if PROFILE == "long" and weight != "api":
        return 5000
    return BUDGETS[PROFILE][weight]


def fuzz_settings(weight: str = "light") -> settings:
    in_ci = bool(os.environ.get("CI")) and PROFILE == "ci"
    return settings(
        max_examples=examples_for(weight),
        deadline=None,  # rendering time varies with the plan's size; hangs are caught elsewhere
        derandomize=in_ci,
        database=None if in_ci else _database(),
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    )
