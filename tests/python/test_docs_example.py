"""docs/python.md's training-loop example runs as written."""

import os
import re
from pathlib import Path


def test_training_loop_example_runs():
    doc = (Path(os.environ.get("HANDALIGN_SOURCE_DIR", ".")) / "docs" / "python.md").read_text()
    section = doc.split("## In a training loop", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert blocks, "no example in docs/python.md"
    import torch  # noqa: F401  (installed by tools/install-deps.sh: a missing one fails, not skips)
    exec(compile(blocks[0], "docs/python.md", "exec"), {})
