"""Tests of tools/mano_to_handmodel.py on a synthetic MANO-like pickle (no MANO data involved).

Run from the repository root:  /usr/bin/python3 -m unittest discover -s tests/tools -v
"""

import importlib
import json
import os
import pickle
import subprocess
import sys
import tempfile
import textwrap
import unittest

import numpy as np
import scipy.sparse

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TOOLS = os.path.join(ROOT, "tools")
SCRIPT = os.path.join(TOOLS, "mano_to_handmodel.py")
sys.path.insert(0, TOOLS)
sys.path.insert(0, os.path.join(TOOLS, "reference"))

import mano_to_handmodel as conv  # noqa: E402

# A stub chumpy whose Ch pickles like the real one: __getstate__ = __dict__ minus caches, data in 'x'.
STUB_CHUMPY = {
    "__init__.py": "from .ch import Ch\n",
    "ch.py": textwrap.dedent("""
        import numpy as np

        class Ch(object):
            dterms = ['x']

            def __init__(self, x):
                self.x = np.asarray(x, dtype=np.float64)
                self._dirty_vars = set()
                self._itr = None
                self._parents = {}
                self._cache = {'r': None}

            def __getstate__(self):
                d = dict(self.__dict__)
                del d['_parents']
                del d['_cache']
                return d
        """),
}

FREIHAND_FROM_MANO = [0, 13, 14, 15, 745, 1, 2, 3, 317, 4, 5, 6, 445, 10, 11, 12, 556, 7, 8, 9, 673]
TIP_ROWS = {4: 745, 8: 317, 12: 445, 16: 556, 20: 673}  # the official HandAR regressor's tips


def make_fake_mano(path, V=778, F=1538, seed=0, drop=()):
    rng = np.random.default_rng(seed)
    joint_of_vertex = rng.integers(0, 16, V)
    weights = rng.uniform(0, 0.2, (V, 16))
    weights[np.arange(V), joint_of_vertex] = 0.9
    weights /= weights.sum(axis=1, keepdims=True)  # skinning weights sum to 1, as MANO's do
    dense_J = np.zeros((16, V))
    for j in range(16):
        idx = rng.choice(V, 5, replace=False)
        dense_J[j, idx] = rng.uniform(0.1, 1, 5)
        dense_J[j] /= dense_J[j].sum()
    v_template = rng.normal(scale=0.05, size=(V, 3))
    faces = rng.integers(0, V, (F, 3)).astype(np.uint32)

    tmp = tempfile.mkdtemp()
    for name, text in STUB_CHUMPY.items():
        os.makedirs(os.path.join(tmp, "chumpy"), exist_ok=True)
        with open(os.path.join(tmp, "chumpy", name), "w") as f:
            f.write(text)
    sys.path.insert(0, tmp)
    try:
        ch = importlib.import_module("chumpy")
        data = {
            "v_template": ch.Ch(v_template),
            "weights": ch.Ch(weights),
            "f": faces,
            "J_regressor": scipy.sparse.csc_matrix(dense_J),
            "kintree_table": np.array([[4294967295, 0, 1, 2, 0, 4, 5, 0, 7, 8, 0, 10, 11, 0, 13, 14],
                                       list(range(16))], dtype=np.int64),
            "shapedirs": ch.Ch(rng.normal(scale=0.01, size=(V, 3, 10))),
            "posedirs": rng.normal(scale=0.005, size=(V, 3, 135)),
            "hands_components": rng.normal(scale=0.3, size=(45, 45)),
            "hands_mean": rng.normal(scale=0.2, size=45),
            "bs_type": "lrotmin",
        }
        for k in drop:
            del data[k]
        with open(path, "wb") as f:
            pickle.dump(data, f, protocol=2)
    finally:
        sys.path.remove(tmp)
        for mod in [m for m in sys.modules if m == "chumpy" or m.startswith("chumpy.")]:
            del sys.modules[mod]
        for name in STUB_CHUMPY:
            os.unlink(os.path.join(tmp, "chumpy", name))
        import shutil
        shutil.rmtree(tmp)
    return joint_of_vertex, dense_J, v_template, faces


class ManoConverterTests(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = self._tmp.name
        self.pkl = os.path.join(self.tmp, "MANO_RIGHT.pkl")
        self.joint_of_vertex, self.J, self.v, self.f = make_fake_mano(self.pkl)

    def tearDown(self):
        self._tmp.cleanup()

    def run_tool(self, *args):
        return subprocess.run(["/usr/bin/python3", SCRIPT] + list(args), capture_output=True, text=True)

    def test_chumpy_not_importable(self):
        with self.assertRaises(ImportError):
            importlib.import_module("chumpy")

    def test_convert(self):
        out = os.path.join(self.tmp, "mano.json")
        r = self.run_tool(self.pkl, "--out", out, "--name", "my-mano")
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out) as fh:
            m = json.load(fh)
        self.assertEqual(m["format"], "handalign.hand_model")
        self.assertEqual(m["version"], 1)
        self.assertEqual(m["name"], "my-mano")
        self.assertEqual(m["vertex_count"], 778)
        self.assertEqual(m["part_names"], ["palm", "thumb", "index", "middle", "ring", "pinky"])
        self.assertEqual(len(m["joint_names"]), 21)
        self.assertEqual(m["joint_names"][0], "wrist")
        self.assertEqual(m["joint_names"][4], "thumb_tip")
        np.testing.assert_array_equal(m["faces"], self.f.astype(np.int64))
        np.testing.assert_array_equal(m["rest_vertices"], self.v)

        # parts: arg-max skinning joint -> part
        mano_joint_part = {0: 0, 1: 2, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 5, 8: 5, 9: 5,
                           10: 4, 11: 4, 12: 4, 13: 1, 14: 1, 15: 1}
        expected = [mano_joint_part[j] for j in self.joint_of_vertex]
        self.assertEqual(m["vertex_parts"], expected)

        # regressor: FreiHAND order, tips appended as single vertices
        self.assertEqual(len(m["joint_regressor"]), 21)
        for row_idx, row in enumerate(m["joint_regressor"]):
            if row_idx in TIP_ROWS:
                self.assertEqual(row, [[TIP_ROWS[row_idx], 1.0]])
                continue
            mano_j = FREIHAND_FROM_MANO[row_idx]
            dense = np.zeros(778)
            for vid, w in row:
                dense[vid] = w
            np.testing.assert_array_equal(dense, self.J[mano_j], err_msg="row %d" % row_idx)

    def test_tip_conventions(self):
        # Default: the official HandAR regressor (middle tip 445); --tips manopth: 444.
        out = os.path.join(self.tmp, "manopth.json")
        self.assertEqual(conv.main([self.pkl, "--out", out, "--tips", "manopth"]), 0)
        with open(out) as fh:
            self.assertEqual(json.load(fh)["joint_regressor"][12], [[444, 1.0]])
        self.assertEqual(conv.main([self.pkl, "--out", out]), 0)
        with open(out) as fh:
            self.assertEqual(json.load(fh)["joint_regressor"][12], [[445, 1.0]])

    def test_output_loads_in_reference(self):
        import handalign_reference as ref
        out = os.path.join(self.tmp, "mano.json")
        self.assertEqual(conv.main([self.pkl, "--out", out]), 0)
        model = ref.HandModel(out)
        self.assertEqual(model.regressor.shape, (21, 778))
        verts = np.asarray(self.v)
        np.testing.assert_allclose(model.regressor[1] @ verts, self.J[13] @ verts)
        np.testing.assert_array_equal(model.regressor[20] @ verts, verts[673])

    def test_missing_file(self):
        out = os.path.join(self.tmp, "x.json")
        r = self.run_tool(os.path.join(self.tmp, "nope.pkl"), "--out", out)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("nope.pkl", r.stderr)
        self.assertIn("not found", r.stderr)
        self.assertFalse(os.path.exists(out))

    def test_not_a_pickle(self):
        bad = os.path.join(self.tmp, "bad.pkl")
        with open(bad, "w") as fh:
            fh.write("this is not a pickle\n")
        out = os.path.join(self.tmp, "x.json")
        r = self.run_tool(bad, "--out", out)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("bad.pkl", r.stderr)
        self.assertNotIn("Traceback", r.stderr)
        self.assertFalse(os.path.exists(out))

    def test_missing_keys(self):
        pkl = os.path.join(self.tmp, "partial.pkl")
        make_fake_mano(pkl, drop=("J_regressor", "weights"))
        out = os.path.join(self.tmp, "x.json")
        r = self.run_tool(pkl, "--out", out)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("J_regressor", r.stderr)
        self.assertIn("weights", r.stderr)
        self.assertFalse(os.path.exists(out))

    def test_wrong_vertex_count(self):
        pkl = os.path.join(self.tmp, "small.pkl")
        make_fake_mano(pkl, V=500, F=900)
        out = os.path.join(self.tmp, "x.json")
        r = self.run_tool(pkl, "--out", out)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("500", r.stderr)
        self.assertFalse(os.path.exists(out))

    def test_existing_output_kept_on_error(self):
        out = os.path.join(self.tmp, "keep.json")
        with open(out, "w") as fh:
            fh.write("old")
        r = self.run_tool(os.path.join(self.tmp, "nope.pkl"), "--out", out)
        self.assertNotEqual(r.returncode, 0)
        with open(out) as fh:
            self.assertEqual(fh.read(), "old")

    def test_refuses_foreign_classes(self):
        class Evil(object):
            def __reduce__(self):
                return (os.system, ("true",))
        pkl = os.path.join(self.tmp, "evil.pkl")
        with open(pkl, "wb") as fh:
            pickle.dump({"v_template": Evil()}, fh, protocol=2)
        r = self.run_tool(pkl, "--out", os.path.join(self.tmp, "x.json"))
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("refusing", r.stderr)


if __name__ == "__main__":
    unittest.main()
