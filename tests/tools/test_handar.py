"""Tests of tools/handar (model.py, convert_checkpoint.py) on small random networks.

Skipped where /usr/bin/python3 has no torch (Debian: python3-torch). The C++ side of the same
files (weights round trip, TorchScript equivalence) is tested in tests/core/inference.
Run from the repository root:  /usr/bin/python3 -m unittest discover -s tests/tools -v
"""

import io
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools", "handar"))

try:
    import torch
    import convert_checkpoint as convert
    import model as handar
except ImportError:  # no torch in this interpreter
    torch = None

SMALL = dict(vertex_count=30, joint_count=21, input_size=64, width=8)


@unittest.skipIf(torch is None, "/usr/bin/python3 cannot import torch (Debian: python3-torch)")
class TestHandArTools(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        torch.manual_seed(0)
        self.net = handar.HandArNet(**SMALL).eval()

    def tearDown(self):
        self.dir.cleanup()

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def convert(self, *args):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            status = convert.main(list(args))
        return status, out.getvalue(), err.getvalue()

    def per_group_snapshot(self):
        """The layout of the official snapshot: one state dict per group, DataParallel prefixes."""
        groups = {}
        for key, tensor in self.net.state_dict().items():
            group, rest = key.split(".", 1)
            groups.setdefault(group, {})["module." + rest] = tensor
        return groups

    def test_per_group_snapshot_converts_to_the_flat_layout(self):
        snapshot = self.per_group_snapshot()
        snapshot["pose_net"] = snapshot.pop("posenet")  # the release's attribute name
        snapshot["param_regressor"] = {"fc.0.weight": torch.zeros(2)}
        torch.save(snapshot, self.path("snapshot_24.pth.tar"))
        status, out, err = self.convert(self.path("snapshot_24.pth.tar"), "--out", self.path("w.pt"))
        self.assertEqual(status, 0, err)
        self.assertIn("dropped 1 tensors of param_regressor", out)
        self.assertIn("30 vertices, 21 joints, 64 px input, width 8", out)
        flat = torch.load(self.path("w.pt"))
        expected = self.net.state_dict()
        self.assertEqual(sorted(flat), sorted(expected))
        for key, tensor in expected.items():
            self.assertTrue(torch.equal(flat[key], tensor), key)

    def test_each_bad_input_gets_one_message_naming_the_file(self):
        def expect(snapshot, fragment, *extra):
            torch.save(snapshot, self.path("bad.pth.tar"))
            status, _, err = self.convert(self.path("bad.pth.tar"), "--out", self.path("o.pt"), *extra)
            self.assertEqual(status, 1)
            self.assertIn(self.path("bad.pth.tar"), err)
            self.assertIn(fragment, err)
            self.assertFalse(os.path.exists(self.path("o.pt")))

        state = self.net.state_dict()
        expect({k: v for k, v in state.items() if k != "gcn.tail.conv.nn.2.bias"},
               "1 missing (gcn.tail.conv.nn.2.bias)")
        expect(dict(state, **{"mesh_net.extra": torch.ones(1)}), "1 unexpected (mesh_net.extra)")
        expect(dict(state, **{"renderer.weight": torch.ones(1)}), "entries outside the network's groups")
        wide = handar.HandArNet(**dict(SMALL, width=16)).state_dict()
        expect(dict(state, **{"mesh_net.conv_x.0.weight": wide["mesh_net.conv_x.0.weight"]}),
               "weights of another architecture: mesh_net.conv_x.0.weight is 30x64x1, expected 30x32x1")
        expect([1, 2], "not a dict of weights")
        # A foreign group can be dropped explicitly.
        torch.save(dict(state, **{"renderer.weight": torch.ones(1)}), self.path("extra.pth.tar"))
        status, _, err = self.convert(self.path("extra.pth.tar"), "--out", self.path("o.pt"),
                                      "--drop", "renderer")
        self.assertEqual(status, 0, err)
        with open(self.path("text.pth.tar"), "w") as f:
            f.write("not a checkpoint")
        status, _, err = self.convert(self.path("text.pth.tar"), "--out", self.path("o.pt"))
        self.assertEqual(status, 1)
        self.assertIn("not a PyTorch checkpoint", err)

    def test_torchscript_export_matches_the_eager_network(self):
        torch.save(self.net.state_dict(), self.path("w.pt"))
        with open(self.path("hand.obj"), "w") as f:  # OBJ faces, 1-based, a quad split in two
            f.write("v 0 0 0\n" * 30 + "".join("f %d %d %d %d\n" % (i, i + 1, i + 2, i + 3)
                                               for i in range(1, 28)))
        status, _, err = self.convert(self.path("w.pt"), "--export-torchscript", self.path("ts.pt"),
                                      "--obj", self.path("hand.obj"), "--with-joints", "--quiet")
        self.assertEqual(status, 0, err)
        edges = handar.mesh_edges([[i, i + 1, i + 2] for i in range(27)] +
                                  [[i, i + 2, i + 3] for i in range(27)])
        eager = handar.HandArNet(**SMALL, edges=edges, run_joint_head=True).eval()
        eager.load_state_dict(self.net.state_dict())
        image = torch.rand(2, 3, 64, 64)
        with torch.no_grad():
            expected = eager(image)
            got = torch.jit.load(self.path("ts.pt"))(image)
        self.assertEqual(len(got), 3)
        for a, b in zip(got, expected):
            self.assertTrue(torch.allclose(a, b, rtol=1e-5, atol=1e-6))
        # Faces beyond the network's vertices are refused.
        with open(self.path("big.obj"), "w") as f:
            f.write("f 1 2 40\n")
        status, _, err = self.convert(self.path("w.pt"), "--export-torchscript", self.path("ts2.pt"),
                                      "--obj", self.path("big.obj"))
        self.assertEqual(status, 1)
        self.assertIn("faces reach vertex 39", err)


if __name__ == "__main__":
    unittest.main()
