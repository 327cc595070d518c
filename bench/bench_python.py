#!/usr/bin/env python3
"""`import handalign` micro benchmark: hand- and finger-level IoU/HD95 of a batch of 64 label
images (224², the synthetic dataset's rendered meshes) with handalign.mask_metrics against the
NumPy/SciPy reference (tools/reference) on the same masks, in the same run; values checked equal.
Usage: PYTHONPATH=build/python bench/bench_python.py BUILD_DIR"""

import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

build = Path(sys.argv[1] if len(sys.argv) > 1 else "build").resolve()
sys.path.insert(0, str(build / "python"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools" / "reference"))
import handalign  # noqa: E402
import handalign_reference as ref  # noqa: E402

with tempfile.TemporaryDirectory() as tmp:
    data = Path(tmp) / "synth-64"
    subprocess.run([str(build / "bin" / "handalign"), "synth", "--out", str(data), "--count", "64",
                    "--seed", "9", "--quiet"], check=True)
    model = handalign.HandModel.load(data / "hand_model.json")
    K = np.array(json.loads((data / "training_K.json").read_text()))
    gt_verts = np.array(json.loads((data / "training_verts.json").read_text()))
    pred_verts = np.array(json.loads((data / "pred_rough.json").read_text())[1])
render = lambda v, k: handalign.render(v, model.faces, k, 224, parts=model.face_labels)  # noqa
pred = np.stack([render(pred_verts[i], K[i]) for i in range(64)])
gt = np.stack([render(gt_verts[i], K[i]) for i in range(64)])


def best(f, repeats):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t)
    return min(times), out


t_cpp, m = best(lambda: handalign.mask_metrics(pred, gt, labels=True), 20)


def reference():
    out = []
    for p, g in zip(pred, gt):
        finger = ref.mask_metrics(p, g)
        hand = ref.mask_metrics((p != 0).astype(np.uint8) * 255, (g != 0).astype(np.uint8) * 255)
        out.append((hand, finger))
    return out


t_ref, r = best(reference, 2)
for i, (hand, finger) in enumerate(r):
    for mine, theirs in ((m["hand_iou"][i], hand["classes"]["hand"]["iou"]),
                         (m["hand_hd95"][i], hand["classes"]["hand"]["hd95"]),
                         (m["finger_miou"][i], finger["miou"]),
                         (m["finger_hd95"][i], finger["hd95_mean"])):
        assert (math.isnan(mine) and math.isnan(theirs)) or abs(mine - theirs) < 1e-9, (i, mine,
                                                                                       theirs)
print(f"python: mask_metrics of 64 label images 224², hand + finger level: "
      f"{t_cpp * 1e3:.2f} ms (best of 20); NumPy/SciPy reference {t_ref * 1e3:.0f} ms "
      f"(best of 2); {t_ref / t_cpp:.0f}x; values equal to 1e-9")
