"""README.md of each demo folder, generated from the measured numbers: the build's manifest entry
(hand counts from scikit-learn's scores, verification) and, when scripts/demos/check_cli.py has run,
what Einblick's CLI reports (cli_results.json). Rendering is deterministic.

Example: write(entry, cli_results.get('credit-gbm'))  # writes static/demo/credit-gbm/README.md
"""

import os

import demo_common as dc
import readme_arbeitsschutz
import readme_credit

CLI_RESULTS = os.path.join(dc.HERE, "cli_results.json")


def load_cli_results():
    """cli_results.json written by check_cli.py, or {} before the first check."""
    return dc.load_json(CLI_RESULTS) if os.path.exists(CLI_RESULTS) else {}


def write(entry, cli):
    """Write static/demo/<id>/README.md for one demo."""
    module = readme_arbeitsschutz if entry["id"] == "arbeitsschutz" else readme_credit
    with open(os.path.join(dc.DEMO_ROOT, entry["id"], "README.md"), "w", encoding="utf-8") as f:
        f.write(module.render(entry, cli))
