"""Tests of tools/handar (model.py, convert_checkpoint.py) on small random networks, and of the
documented conversion of a snapshot in the official HandAR release's layout (MANO's vertex order).

Skipped where /usr/bin/python3 has no torch (Debian: python3-torch). The C++ side of the same
files (weights round trip, TorchScript equivalence) is tested in tests/core/inference.
Run from the repository root:  /usr/bin/python3 -m unittest discover -s tests/tools -v
"""

import io
import math
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools", "handar"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

from test_mano_converter import make_fake_mano  # noqa: E402  (also puts tools/ and tools/reference on the path)
import handalign_reference as reference  # noqa: E402
import mano_to_handmodel  # noqa: E402

try:
    import torch
    import convert_checkpoint as convert
    import model as handar
except ImportError:  # no torch in this interpreter
    torch = None

SMALL = dict(vertex_count=30, joint_count=21, input_size=64, width=8)


class ConverterCase(unittest.TestCase):
    """A temporary folder and convert_checkpoint.py's main() with its output captured."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def convert(self, *args):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            status = convert.main(list(args))
        return status, out.getvalue(), err.getvalue()


@unittest.skipIf(torch is None, "/usr/bin/python3 cannot import torch (Debian: python3-torch)")
class TestHandArTools(ConverterCase):
    def setUp(self):
        super().setUp()
        torch.manual_seed(0)
        self.net = handar.HandArNet(**SMALL).eval()

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


# ------------------------------------------------------------------------------------------------
# The official HandAR release (github.com/wbstx/handAR) as this test reads it. Nothing below is
# code of the release: the table restates which tensors its modules create.
#
# Snapshot layout. The release has no training code (README: "Network Training: To release"); its
# two loaders, common/base.py (Tester._make_model) and test_video/mesh_demo.py, do
#     ckpt = torch.load('snapshot_24.pth.tar')
#     model.module.pose_backbone.load_state_dict(ckpt['pose_backbone'])
#     model.module.pose_net.load_state_dict(ckpt['posenet'])   # attribute pose_net, key posenet
#     ... ckpt['pose2feat'], ['mesh_backbone'], ['mesh_net'], ['gcn'], ['global_img_feat'],
#         ['segmentation_net']
# So the file is a dict of eight state dicts, each loaded strictly into its sub-module: no
# "module." prefix inside a group and no 'network' entry.
#
# Sizes: main/config.py (resnet_type 50, input 256², output_hm_shape 64³) and common/utils/mano.py
# (778 vertices, 21 joints).
RELEASE_SIZE = dict(vertices=778, joints=21, bins=64, width=64)
# The same names at a smaller width and input for the forward check; still MANO's 778 vertices.
SMALL_RELEASE_SIZE = dict(vertices=778, joints=21, bins=16, width=8)
# common/utils/mano.py: MANO's 16 joints + one-hot tip rows (745, 317, 445, 556, 673), then this
# order (FreiHAND's); the middle tip is vertex 445 there, although its fingertip_vertex_idx says 444.
RELEASE_TIPS = (745, 317, 445, 556, 673)
RELEASE_JOINT_ORDER = (0, 13, 14, 15, 16, 1, 2, 3, 17, 4, 5, 6, 18, 10, 11, 12, 19, 7, 8, 9, 20)


def release_state_shapes(vertices, joints, bins, width):
    """{snapshot key: {tensor name: shape}} of the release's modules.

    width=64 is the release; its channel counts 64 / 256 / 512 / 1024 / 2048 are width × 1, 4, 8,
    16, 32 (a smaller width only shrinks the test). The Graph-CNN's hidden sizes (256, 64, 32) are
    fixed numbers in the release.
    """
    w = width

    def bn(name, c):  # BatchNorm (SyncBatchNorm at test time: the same entries)
        return {name + ".weight": (c,), name + ".bias": (c,), name + ".running_mean": (c,),
                name + ".running_var": (c,), name + ".num_batches_tracked": ()}

    def conv(name, cin, cout, *kernel, bias=True):  # Conv1d / Conv2d, or Linear without a kernel
        return dict({name + ".weight": (cout, cin) + kernel}, **({name + ".bias": (cout,)} if bias else {}))

    def resnet50():  # common/nets/resnet.py: torchvision's Bottleneck, blocks [3, 4, 6, 3], no fc
        s = dict(conv("conv1", 3, w, 7, 7, bias=False), **bn("bn1", w))
        inplanes = w
        for layer, (planes, blocks) in enumerate(zip((w, 2 * w, 4 * w, 8 * w), (3, 4, 6, 3)), 1):
            for b in range(blocks):
                p = "layer%d.%d." % (layer, b)
                s.update(conv(p + "conv1", inplanes, planes, 1, 1, bias=False), **bn(p + "bn1", planes))
                s.update(conv(p + "conv2", planes, planes, 3, 3, bias=False), **bn(p + "bn2", planes))
                s.update(conv(p + "conv3", planes, 4 * planes, 1, 1, bias=False), **bn(p + "bn3", 4 * planes))
                if b == 0:
                    s.update(conv(p + "downsample.0", inplanes, 4 * planes, 1, 1, bias=False),
                             **bn(p + "downsample.1", 4 * planes))
                inplanes = 4 * planes
        return s

    def lixel_head(points):  # PoseNet / MeshNet (common/nets/module_no_render.py)
        s = {}
        for i, cin in ((0, 32 * w), (3, 4 * w), (6, 4 * w)):  # make_deconv_layers([2048, 256, 256, 256])
            s["deconv.%d.weight" % i] = (cin, 4 * w, 4, 4)  # ConvTranspose2d, no bias
            s.update(bn("deconv.%d" % (i + 1), 4 * w))
        s.update(conv("conv_x.0", 4 * w, points, 1), **conv("conv_y.0", 4 * w, points, 1))
        s.update(conv("conv_z_1.0", 32 * w, 4 * w * bins, 1), **bn("conv_z_1.1", 4 * w * bins))
        s.update(conv("conv_z_2.0", 4 * w, points, 1))
        return s

    def gin(name, cin, hidden, cout, bn_name):  # GraphConv: PyG GINConv(Sequential(Linear, ReLU, Linear))
        s = dict(conv(name + ".nn.0", cin, hidden), **conv(name + ".nn.2", hidden, cout))
        s[name + ".eps"] = (1,)  # GINConv's buffer (train_eps=False)
        return dict(s, **bn(bn_name, cout))

    posenet = dict(lixel_head(joints), **conv("conv.0", 4 * w, w, 3, 3), **bn("conv.1", w))
    gcn = gin("head.conv", 3 + w + w + 4 * w + 8 * w + 3, 256, 64, "head.bn")  # 3+64+64+256+512+3
    for r in ("res1", "res2", "res3"):
        gcn.update(gin(r + ".conv1", 64, 64, 64, r + ".bn1"), **gin(r + ".conv2", 64, 64, 64, r + ".bn2"))
    gcn.update(gin("tail.conv", 64, 32, 3, "tail.bn"))
    seg = {}
    for i, (cin, cout) in enumerate(((32 * w, 16 * w), (16 * w, 8 * w), (8 * w, 4 * w), (4 * w, w)), 1):
        seg.update(conv("conv%d" % i, cin, cout, 1, 1), **conv("fusion%d" % i, cout, cout, 3, 3))
        if i < 4:
            seg.update(bn("bn%d" % i, cout))
    seg.update(conv("predict_head.0", w, 16, 3, 3), **conv("predict_head.1", 16, 2, 1, 1))
    return {"pose_backbone": resnet50(), "posenet": posenet,
            "pose2feat": dict(conv("conv.0", w + joints * bins, w, 3, 3), **bn("conv.1", w)),
            "mesh_backbone": resnet50(), "mesh_net": lixel_head(vertices), "gcn": gcn,
            "global_img_feat": conv("0.0", 32 * w, 8 * w, 1),  # Sequential(make_conv1d_layers(...))
            "segmentation_net": seg}


def release_snapshot(shapes, seed=None):
    """The snapshot file's dict: random weights, or (seed None) all-zero stride-0 tensors, which
    torch.save stores in a few bytes however large their shape."""
    g = torch.Generator().manual_seed(seed or 0)

    def tensor(group, name, shape):
        if name.endswith("num_batches_tracked"):
            return torch.zeros(shape, dtype=torch.int64)
        if seed is None or name.endswith(".eps"):  # GINConv's eps is 0 by default
            return torch.zeros(()).expand(shape)
        if name.endswith("running_var"):
            return torch.rand(shape, generator=g) + 0.5
        if len(shape) == 1:  # biases, running means, and BatchNorm scales (the 1-D weights)
            return torch.randn(shape, generator=g) * 0.1 + (1 if name.endswith(".weight") else 0)
        scale = 1 / math.sqrt(math.prod(shape[1:]))
        if group == "gcn" and name.endswith("nn.0.weight"):
            scale /= 16  # a GINConv sums a vertex and its ~12 neighbours: keep the values tame
        return torch.randn(shape, generator=g) * scale

    return {group: {name: tensor(group, name, shape) for name, shape in entries.items()}
            for group, entries in shapes.items()}


def release_edges(faces):
    """What the release's Graph-CNN runs on: FaceToEdge of the MANO layer's th_faces
    (main/model_no_render.py), i.e. each face's three corner pairs, undirected and unique. MANO's
    faces have three distinct corners; the synthetic faces may not, and such a pair is skipped."""
    return sorted({(min(a, b), max(a, b)) for f in np.asarray(faces).tolist()
                   for a, b in ((f[0], f[1]), (f[1], f[2]), (f[0], f[2])) if a != b})


def release_joint_regressor(mano_j_regressor):
    """common/utils/mano.py's 21 x 778 regressor, which FreiHAND.py's evaluate applies directly to
    the network's output mesh."""
    tips = np.zeros((len(RELEASE_TIPS), mano_j_regressor.shape[1]))
    tips[np.arange(len(RELEASE_TIPS)), RELEASE_TIPS] = 1
    return np.concatenate((mano_j_regressor, tips))[list(RELEASE_JOINT_ORDER)]


def traced_edges(torchscript):
    """The Graph-CNN edges baked into a traced model.py network: its two int64 index constants."""
    indices = [n.t("value") for n in torchscript.inlined_graph.nodes()
               if n.kind() == "prim::Constant" and n.output().type().kind() == "TensorType"
               and n.t("value").dtype == torch.int64 and n.t("value").dim() == 1]
    assert len(indices) == 2, "expected the edge source and target constants"
    return sorted({(min(a, b), max(a, b)) for a, b in zip(indices[0].tolist(), indices[1].tolist())})


@unittest.skipIf(torch is None, "/usr/bin/python3 cannot import torch (Debian: python3-torch)")
class TestOfficialReleaseConversion(ConverterCase):
    """docs/models.md's recipe for the official snapshot gives a network in MANO's vertex order.

    A snapshot in the release's exact layout (names and shapes of its modules, random weights) is
    converted as the docs say, with the hand model that mano_to_handmodel.py makes from a
    MANO-like pickle and no vertex_order. The TorchScript export's Graph-CNN edges are the hand
    model's (= FaceToEdge of MANO's faces, as in the release), its meshes equal model.py's forward
    with MANO's edges, and the hand model's regressor on the refined mesh gives the joints the
    release's FreiHAND evaluation computes. The release's renumbered render mesh (hand.obj) gives
    other edges and other meshes: a recipe using it would fail this test.
    """

    def convert(self, *args):
        status, out, err = super().convert(*args)
        self.assertEqual(status, 0, err)
        return out

    def test_full_size_release_snapshot_is_accepted_name_for_name(self):
        shapes = release_state_shapes(**RELEASE_SIZE)
        torch.save(release_snapshot(shapes), self.path("snapshot_24.pth.tar"))
        path = self.path("snapshot_24.pth.tar")
        weights, notes = convert.flatten(torch.load(path), path)
        self.assertEqual(notes, [])
        net, config = convert.build_model(weights, path)  # checks every name and shape
        self.assertEqual(config, dict(vertex_count=778, joint_count=21, input_size=256, width=64,
                                      segmentation_classes=2))
        expected = {"%s.%s" % (g, k): s for g, entries in shapes.items() for k, s in entries.items()}
        self.assertEqual({k: tuple(v.shape) for k, v in net.state_dict().items()}, expected)
        # docs/models.md: "Official sizes: 829 tensors, 153.3 M parameters (613 MB) at 778 vertices".
        self.assertEqual(len(expected), 829)
        self.assertEqual(round(sum(p.numel() for p in net.parameters()) / 1e6, 1), 153.3)

    def test_documented_recipe_gives_a_network_in_manos_vertex_order(self):
        # MANO_RIGHT.pkl (synthetic) -> mano_right.json, as docs/models.md says.
        _, mano_j, mano_vertices, mano_faces = make_fake_mano(self.path("MANO_RIGHT.pkl"))
        with redirect_stderr(io.StringIO()):
            self.assertEqual(mano_to_handmodel.main([self.path("MANO_RIGHT.pkl"), "--out",
                                                     self.path("mano_right.json")]), 0)
        hand_model = reference.HandModel(self.path("mano_right.json"))
        np.testing.assert_array_equal(hand_model.faces, mano_faces)  # no renumbering on the way
        np.testing.assert_allclose(hand_model.regressor, release_joint_regressor(mano_j), atol=1e-12)

        # The release's snapshot -> handar.pt and handar_ts.pt, the documented commands.
        shapes = release_state_shapes(**SMALL_RELEASE_SIZE)
        snapshot = release_snapshot(shapes, seed=1)
        torch.save(snapshot, self.path("snapshot_24.pth.tar"))
        self.convert(self.path("snapshot_24.pth.tar"), "--out", self.path("handar.pt"))
        self.convert(self.path("snapshot_24.pth.tar"), "--export-torchscript",
                     self.path("handar_ts.pt"), "--hand-model", self.path("mano_right.json"))
        weights = torch.load(self.path("handar.pt"))
        for group, entries in snapshot.items():  # the release's tensors, under the same names
            for name, tensor in entries.items():
                self.assertTrue(torch.equal(weights["%s.%s" % (group, name)], tensor), name)
        exported = torch.jit.load(self.path("handar_ts.pt"))

        # Its Graph-CNN runs on the hand model's edges, which are the release's FaceToEdge(th_faces).
        edges = traced_edges(exported)
        self.assertEqual(edges, handar.mesh_edges(hand_model.faces))
        self.assertEqual(edges, release_edges(mano_faces))

        # Its meshes are model.py's forward of the same weights on MANO's edges: nothing permuted.
        eager = handar.HandArNet(**handar.config_from_state_dict(weights),
                                 edges=release_edges(mano_faces)).eval()
        eager.load_state_dict(weights)
        image = torch.rand(2, 3, 64, 64, generator=torch.Generator().manual_seed(2))
        with torch.no_grad():
            rough, refined = exported(image)
            expected_rough, expected_refined = eager(image)
        self.assertEqual(tuple(refined.shape), (2, 778, 3))
        self.assertTrue(torch.allclose(rough, expected_rough, rtol=1e-5, atol=1e-5))
        self.assertTrue(torch.allclose(refined, expected_refined, rtol=1e-5, atol=1e-5))
        self.assertGreater((refined - rough).abs().max().item(), 0.1)  # the Graph-CNN matters

        # pred.json's joints: the release applies MANO's regressor to the network's mesh directly;
        # the studio applies the hand model's regressor to the refined mesh. They agree.
        joints = np.einsum("jv,bvc->bjc", hand_model.regressor, refined.double().numpy())
        release_joints = np.einsum("jv,bvc->bjc", release_joint_regressor(mano_j),
                                   expected_refined.double().numpy())
        np.testing.assert_allclose(joints, release_joints, rtol=1e-5, atol=1e-4)

        # The old advice: edges from the release's model/hand.obj, the demo's render mesh, whose
        # vertex matching[i] is MANO vertex i (test_video/matching.npy). Same topology, renumbered:
        # other edges, other refined meshes, other joints.
        matching = np.random.default_rng(3).permutation(778)
        with open(self.path("hand.obj"), "w") as f:
            f.writelines("v %r %r %r\n" % tuple(mano_vertices[i]) for i in np.argsort(matching))
            f.writelines("f %d %d %d\n" % tuple(matching[face] + 1) for face in mano_faces)
        self.convert(self.path("snapshot_24.pth.tar"), "--export-torchscript",
                     self.path("hand_obj_ts.pt"), "--obj", self.path("hand.obj"))
        wrong = torch.jit.load(self.path("hand_obj_ts.pt"))
        self.assertEqual(traced_edges(wrong), release_edges(matching[mano_faces]))
        self.assertNotEqual(traced_edges(wrong), edges)
        with torch.no_grad():
            wrong_rough, wrong_refined = wrong(image)
        self.assertTrue(torch.allclose(wrong_rough, rough))  # the edges only act in the refinement
        self.assertGreater((wrong_refined - refined).abs().max().item(), 0.1)
        wrong_joints = np.einsum("jv,bvc->bjc", hand_model.regressor, wrong_refined.double().numpy())
        self.assertGreater(np.abs(wrong_joints - release_joints).max(), 0.01)

    def test_docs_recipe_says_what_the_release_does(self):
        """docs/models.md's recipe states what the release does.

        Reword it freely, but keep the facts: MANO's order, no vertex_order, not hand.obj, middle
        tip 445, RootNet's box as it is, pred.json from the refined mesh."""
        with open(os.path.join(ROOT, "docs", "models.md")) as f:
            docs = " ".join(f.read().split())
        for claim in (
                "The network works in **MANO's own vertex order**",
                "the release's regressor with the middle tip at vertex 445), and there is **no `vertex_order`**",
                "it is not the network's order and must not be used for the edges",
                '"crop": {"source": "box", "box_file": "rootnet_boxes.json", "enlarge": 1.0}',
                "The official `pred.json` is the refined mesh M_f and joints regressed from it",
                "--export-torchscript handar_ts.pt --hand-model mano_right.json"):
            self.assertIn(claim, docs)
        self.assertEqual([mano_to_handmodel.TIP_VERTEX[f] for f in
                          ("thumb", "index", "middle", "ring", "pinky")], list(RELEASE_TIPS))


if __name__ == "__main__":
    unittest.main()
