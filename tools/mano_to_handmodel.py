#!/usr/bin/python3
"""Convert your own MANO_RIGHT.pkl into a HandAlign hand-model JSON (docs/hand_model.md).

    /usr/bin/python3 tools/mano_to_handmodel.py MANO_RIGHT.pkl --out mano_right.json [--name NAME]

MANO cannot be redistributed: every user converts the file they downloaded.  The
official pickle is a Python 2 pickle holding chumpy objects and scipy sparse
matrices; it is loaded here WITHOUT chumpy (chumpy classes are replaced by a
stand-in that keeps the array data) and only numpy / scipy.sparse / builtin
container classes may be instantiated from it.
"""

import argparse
import json
import os
import pickle
import sys
import tempfile

import numpy as np

PART_NAMES = ["palm", "thumb", "index", "middle", "ring", "pinky"]
JOINT_NAMES = [
    "wrist",
    "thumb_mcp", "thumb_pip", "thumb_dip", "thumb_tip",
    "index_mcp", "index_pip", "index_dip", "index_tip",
    "middle_mcp", "middle_pip", "middle_dip", "middle_tip",
    "ring_mcp", "ring_pip", "ring_dip", "ring_tip",
    "pinky_mcp", "pinky_pip", "pinky_dip", "pinky_tip",
]

# MANO joints: 0 wrist, 1-3 index, 4-6 middle, 7-9 pinky, 10-12 ring, 13-15 thumb -> part id.
MANO_JOINT_PART = [0] + [2] * 3 + [3] * 3 + [5] * 3 + [4] * 3 + [1] * 3
# Fingertip vertices of MANO's 778-vertex mesh. "handar": the official HandAR release's joint
# regressor (common/utils/mano.py appends one-hot rows 745, 317, 445, 556, 673: its evaluation
# regresses joint 12 from vertex 445); "manopth": manopth's right-hand tips (middle 444), about
# 4 mm away on joint 12.
TIP_VERTICES = {
    "handar": {"thumb": 745, "index": 317, "middle": 445, "ring": 556, "pinky": 673},
    "manopth": {"thumb": 745, "index": 317, "middle": 444, "ring": 556, "pinky": 673},
}
TIP_VERTEX = TIP_VERTICES["handar"]
MANO_VERTEX_COUNT = 778
# FreiHAND joint order: a MANO joint index, or a fingertip name.
FREIHAND_FROM_MANO = [0,
                      13, 14, 15, "thumb",
                      1, 2, 3, "index",
                      4, 5, 6, "middle",
                      10, 11, 12, "ring",
                      7, 8, 9, "pinky"]


class ConversionError(Exception):
    pass


class ChumpyStandIn(object):
    """Takes the place of any chumpy class; keeps the pickled state (the array is under 'x')."""

    def __new__(cls, *args, **kwargs):
        obj = object.__new__(cls)
        obj.state = {}
        if args:
            obj.state["x"] = args[0]
        return obj

    def __init__(self, *args, **kwargs):
        pass

    def __setstate__(self, state):
        if isinstance(state, tuple) and len(state) == 2:  # (dict state, slot state)
            state = dict(state[0] or {}, **(state[1] or {}))
        self.state = state if isinstance(state, dict) else {"x": state}


_SAFE_BUILTINS = {"object", "set", "frozenset", "list", "dict", "tuple", "slice", "complex",
                  "bytearray", "bytes", "str", "int", "float", "bool", "range"}


class _ManoUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if module == "chumpy" or module.startswith("chumpy."):
            return ChumpyStandIn
        top = module.split(".")[0]
        if top == "numpy" or module.startswith("scipy.sparse"):
            try:
                return super().find_class(module, name)
            except (ImportError, AttributeError):
                if module.startswith("scipy.sparse"):
                    import scipy.sparse
                    if hasattr(scipy.sparse, name):  # moved private modules, e.g. scipy.sparse.csc
                        return getattr(scipy.sparse, name)
                if top == "numpy":  # numpy.core <-> numpy._core across numpy versions
                    import importlib
                    for alt in (module.replace("numpy.core", "numpy._core"),
                                module.replace("numpy._core", "numpy.core")):
                        try:
                            return getattr(importlib.import_module(alt), name)
                        except (ImportError, AttributeError):
                            pass
                raise
        if module in ("copy_reg", "copyreg") and name in ("_reconstructor", "__newobj__", "__newobj_ex__"):
            return super().find_class(module, name)
        if module in ("__builtin__", "builtins") and name in _SAFE_BUILTINS:
            return super().find_class(module, name)
        if module == "_codecs" and name == "encode":
            return super().find_class(module, name)
        if module == "collections" and name == "OrderedDict":
            return super().find_class(module, name)
        raise pickle.UnpicklingError("refusing to load %s.%s from the pickle" % (module, name))


def load_mano_pickle(path):
    if not os.path.exists(path):
        raise ConversionError("%s: file not found" % path)
    if not os.path.isfile(path):
        raise ConversionError("%s: not a regular file" % path)
    try:
        with open(path, "rb") as f:
            data = _ManoUnpickler(f, encoding="latin1").load()
    except OSError as e:
        raise ConversionError("%s: cannot read: %s" % (path, e))
    except pickle.UnpicklingError as e:
        raise ConversionError("%s: not a MANO pickle (%s)" % (path, e))
    except Exception as e:  # truncated or foreign data raises many kinds of errors
        raise ConversionError("%s: not a readable pickle (%s: %s)" % (path, type(e).__name__, e))
    if not isinstance(data, dict):
        raise ConversionError("%s: pickle holds a %s, expected the MANO dict" % (path, type(data).__name__))
    return data


def to_dense(value, key, path):
    if isinstance(value, ChumpyStandIn):
        if "x" not in value.state:
            raise ConversionError("%s: '%s' is a chumpy expression without stored data" % (path, key))
        value = value.state["x"]
        if isinstance(value, ChumpyStandIn):
            return to_dense(value, key, path)
    if hasattr(value, "toarray"):  # scipy sparse
        value = value.toarray()
    try:
        return np.asarray(value)
    except Exception:
        raise ConversionError("%s: '%s' is not an array" % (path, key))


def convert(data, path, name, tips="handar"):
    if tips not in TIP_VERTICES:
        raise ConversionError("unknown fingertip convention %r (handar or manopth)" % tips)
    missing = [k for k in ("v_template", "f", "weights", "J_regressor") if k not in data]
    if missing:
        raise ConversionError("%s: missing key(s) %s (is this MANO_RIGHT.pkl?)" % (path, ", ".join(missing)))
    v = to_dense(data["v_template"], "v_template", path).astype(np.float64)
    f = to_dense(data["f"], "f", path)
    w = to_dense(data["weights"], "weights", path).astype(np.float64)
    J = to_dense(data["J_regressor"], "J_regressor", path).astype(np.float64)

    if v.ndim != 2 or v.shape[1] != 3:
        raise ConversionError("%s: v_template has shape %s, expected Vx3" % (path, v.shape))
    V = v.shape[0]
    if V != MANO_VERTEX_COUNT:
        raise ConversionError("%s: v_template has %d vertices; the fingertip vertex ids need MANO's %d"
                              % (path, V, MANO_VERTEX_COUNT))
    if f.ndim != 2 or f.shape[1] != 3 or not np.issubdtype(f.dtype, np.number):
        raise ConversionError("%s: f has shape %s, expected Fx3 indices" % (path, f.shape))
    if not np.all(np.mod(f, 1) == 0) or f.min() < 0 or f.max() >= V:
        raise ConversionError("%s: f holds indices outside 0..%d" % (path, V - 1))
    f = f.astype(np.int64)
    if w.shape != (V, 16):
        raise ConversionError("%s: weights has shape %s, expected %dx16" % (path, w.shape, V))
    if J.shape != (16, V):
        raise ConversionError("%s: J_regressor has shape %s, expected 16x%d" % (path, J.shape, V))
    if "kintree_table" in data:
        kt = to_dense(data["kintree_table"], "kintree_table", path)
        if kt.ndim != 2 or kt.shape[1] != 16:
            raise ConversionError("%s: kintree_table has shape %s, expected 2x16" % (path, kt.shape))
    for key, arr in (("v_template", v), ("weights", w), ("J_regressor", J)):
        if not np.all(np.isfinite(arr)):
            raise ConversionError("%s: %s holds non-finite values" % (path, key))

    parts = np.asarray(MANO_JOINT_PART)[np.argmax(w, axis=1)]

    regressor = []
    for src in FREIHAND_FROM_MANO:
        if isinstance(src, str):
            regressor.append([[TIP_VERTICES[tips][src], 1.0]])
        else:
            nz = np.nonzero(J[src])[0]
            regressor.append([[int(i), float(J[src, i])] for i in nz])

    model = {
        "format": "handalign.hand_model",
        "version": 1,
        "name": name,
        "vertex_count": int(V),
        "faces": f.tolist(),
        "part_names": PART_NAMES,
        "vertex_parts": [int(p) for p in parts],
        "joint_names": JOINT_NAMES,
        "joint_regressor": regressor,
        "rest_vertices": v.tolist(),
    }
    mano = mano_section(data, path, V, J, w)
    if mano is not None:
        model["mano"] = mano
    return model


# manopth's fingertip vertices (the layer's joints 16..20), by side.
LAYER_TIPS = {"right": [745, 317, 444, 556, 673], "left": [745, 317, 445, 556, 673]}


def mano_section(data, path, V, J, w):
    """MANO's layer parameters (core/hand/ManoLayer.h), when the pickle has them all."""
    keys = ("shapedirs", "posedirs", "kintree_table", "hands_components", "hands_mean")
    if not all(k in data for k in keys):
        return None
    shapedirs = to_dense(data["shapedirs"], "shapedirs", path).astype(np.float64)
    posedirs = to_dense(data["posedirs"], "posedirs", path).astype(np.float64)
    comps = to_dense(data["hands_components"], "hands_components", path).astype(np.float64)
    mean = to_dense(data["hands_mean"], "hands_mean", path).astype(np.float64).reshape(-1)
    kt = to_dense(data["kintree_table"], "kintree_table", path)
    if shapedirs.ndim != 3 or shapedirs.shape[:2] != (V, 3):
        raise ConversionError("%s: shapedirs has shape %s, expected %dx3xS" % (path, shapedirs.shape, V))
    if posedirs.shape != (V, 3, 135):
        raise ConversionError("%s: posedirs has shape %s, expected %dx3x135" % (path, posedirs.shape, V))
    if comps.shape != (45, 45) or mean.shape != (45,):
        raise ConversionError("%s: hands_components / hands_mean must be 45x45 / 45" % path)
    for key, arr in (("shapedirs", shapedirs), ("posedirs", posedirs), ("hands_components", comps),
                     ("hands_mean", mean)):
        if not np.all(np.isfinite(arr)):
            raise ConversionError("%s: %s holds non-finite values" % (path, key))
    parents = [int(p) for p in kt[0]]
    parents = [-1 if p >= 16 or p < 0 else p for p in parents]  # the root's is 2^32 - 1
    # The side is MANO's file name (MANO_RIGHT.pkl / MANO_LEFT.pkl); the tips differ between sides.
    side = "left" if "LEFT" in os.path.basename(path).upper() else "right"
    return {
        "side": side,
        "shapedirs": shapedirs.tolist(),
        "posedirs": posedirs.tolist(),
        "joint_regressor": J.tolist(),
        "weights": w.tolist(),
        "parents": parents,
        "hands_components": comps.tolist(),
        "hands_mean": mean.tolist(),
        "tip_vertices": LAYER_TIPS[side],
    }


def write_atomic(path, text):
    d = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(d):
        raise ConversionError("%s: output directory does not exist" % d)
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=d)
    try:
        with os.fdopen(fd, "w") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def main(argv=None):
    ap = argparse.ArgumentParser(description="Convert MANO_RIGHT.pkl into a HandAlign hand-model JSON.")
    ap.add_argument("pkl", help="your MANO_RIGHT.pkl (from https://mano.is.tue.mpg.de)")
    ap.add_argument("--out", required=True, help="output hand_model.json")
    ap.add_argument("--name", default="mano-right", help="model name stored in the file (default mano-right)")
    ap.add_argument("--tips", choices=sorted(TIP_VERTICES), default="handar",
                    help="fingertip vertices: handar (the official HandAR regressor, middle tip 445; "
                         "default) or manopth (middle tip 444)")
    args = ap.parse_args(argv)
    try:
        model = convert(load_mano_pickle(args.pkl), args.pkl, args.name, args.tips)
        write_atomic(args.out, json.dumps(model, separators=(",", ":")) + "\n")
    except ConversionError as e:
        sys.stderr.write("error: %s\n" % e)
        return 1
    except OSError as e:
        sys.stderr.write("error: %s: cannot write: %s\n" % (args.out, e))
        return 1
    counts = np.bincount(model["vertex_parts"], minlength=6)
    sys.stderr.write("wrote %s: %d vertices, %d faces, parts %s\n" % (
        args.out, model["vertex_count"], len(model["faces"]),
        ", ".join("%s %d" % (n, c) for n, c in zip(PART_NAMES, counts))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
