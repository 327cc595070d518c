"""HandAlign from Python: the exact hand- and finger-level alignment metrics of the studio and CLI.

Thin over the C++ engine (``handalign._core``): the same conventions, names and numbers as
``handalign eval`` and ``per_sample.csv``. See docs/python.md.
"""

import numpy as _np

from ._core import HandModel, __version__  # noqa: F401
from . import _core

__all__ = ["mask_metrics", "render", "mesh_metrics", "HandModel", "evaluate", "read_results"]


def _masks(name, a):
    a = _np.asarray(a)
    if a.dtype == _np.bool_:
        return _np.ascontiguousarray(a, dtype=_np.uint8)
    if not _np.issubdtype(a.dtype, _np.integer):
        raise TypeError(f"{name} must be a bool or integer mask (got dtype {a.dtype}); threshold "
                        "probabilities yourself, e.g. pred > 0.5")
    if a.size and (a.min() < 0 or a.max() > 255):
        raise ValueError(f"{name} holds values outside 0..255")
    return _np.ascontiguousarray(a, dtype=_np.uint8)


def mask_metrics(pred, gt, *, labels=False, hd_mode="max", hd_empty="nan"):
    """IoU, mIoU and HD95 of a predicted mask against the ground truth, as per_sample.csv has them.

    pred, gt: H×W masks or N×H×W batches (bool or integers; torch tensors via ``.numpy()``).
    labels=False: binary masks, any non-zero value is the hand (hand_iou, hand_miou, hand_hd95).
    labels=True: label images 0..6 (background, palm, thumb, index, middle, ring, pinky): also
    the finger level (finger_miou, finger_miou_fg, finger_hd95) and each part's IoU and HD95.
    hd_mode: "max" (max of the two directed 95th percentiles) or "pooled"; hd_empty: "nan" or
    "diagonal" for a class in exactly one of the masks. A scalar per metric for one pair, an
    array of N for a batch.
    """
    return _core.mask_metrics(_masks("pred", pred), _masks("gt", gt), labels=bool(labels),
                              hd_mode=hd_mode, hd_empty=hd_empty)


def render(vertices, faces, K, size, *, parts=None):
    """The evaluator's label image of a mesh: H×W uint8, 1 where covered (or the face's part
    label 0..6 from ``parts``, e.g. ``HandModel.face_labels``), 0 elsewhere.

    vertices: V×3 camera-frame metres; faces: F×3 vertex indices; K: 3×3 intrinsics; size: an int
    or (width, height) in pixels.
    """
    import operator
    try:
        size = operator.index(size)
    except TypeError:
        try:
            size = tuple(operator.index(v) for v in size)
        except TypeError:
            raise TypeError(f"size must be an int or (width, height) of ints, got {size!r}") from None
        if len(size) != 2:
            raise ValueError(f"size must be an int or (width, height), got {size!r}")
    return _core.render(_np.asarray(vertices, dtype=_np.float64), _np.asarray(faces),
                        _np.asarray(K, dtype=_np.float64), size,
                        parts=None if parts is None else _masks("parts", parts))


def mesh_metrics(pred_xyz, pred_verts, gt_xyz, gt_verts):
    """FreiHAND's protocol: MPJPE/MPVPE (mm) before and after Procrustes alignment, F@5/F@15 mm,
    per sample (scalars) or per batch item (arrays of N), and the batch's AUCs of the PCK curves.

    pred_xyz, gt_xyz: 21×3 (or N×21×3) joints; pred_verts, gt_verts: V×3 (or N×V×3), metres.
    """
    f = lambda a: _np.asarray(a, dtype=_np.float64)  # noqa: E731
    return _core.mesh_metrics(f(pred_xyz), f(pred_verts), f(gt_xyz), f(gt_verts))


def _with_frame(results):
    try:
        import pandas
    except ImportError:
        return results
    results["per_sample"] = pandas.DataFrame(results["per_sample"])
    return results


def evaluate(dataset, predictions, *, split="", format="", hand_model="", resolution=224,
             hd_mode="max", hd_empty="nan", gt_mask="dataset", limit=0, threads=0,
             annotations="", refines=None):
    """``handalign eval`` in-process: ``predictions`` is {name: pred.json file}; the conventions
    are the CLI's options. Returns {"per_sample": columns of per_sample.csv (a pandas DataFrame
    when pandas is installed, else a dict of arrays), "summary": {prediction: {metric: mean, ...,
    AUCs}}, "totals_json": totals.json's text, "dataset", "conventions"}.
    """
    return _with_frame(_core.evaluate(
        str(dataset), [(str(k), str(v)) for k, v in dict(predictions).items()], split=split,
        format=format, hand_model=str(hand_model), resolution=int(resolution), hd_mode=hd_mode,
        hd_empty=hd_empty, gt_mask=gt_mask, limit=int(limit), threads=int(threads),
        annotations=str(annotations),
        refines=[(str(k), str(v)) for k, v in dict(refines or {}).items()]))


def read_results(dir):
    """An evaluation output folder (``handalign eval``, ``merge``, a cluster run's ``merged``)
    read back, in the shape ``evaluate`` returns."""
    return _with_frame(_core.read_results(str(dir)))
