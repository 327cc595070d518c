"""Hand-made checks of tools/reference/handalign_reference.py against docs/metrics.md.

Run from the repository root:  /usr/bin/python3 -m unittest discover -s tests/tools -v
"""

import csv
import json
import math
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
REF_DIR = os.path.join(ROOT, "tools", "reference")
SCRIPT = os.path.join(REF_DIR, "handalign_reference.py")
sys.path.insert(0, REF_DIR)

import handalign_reference as ref  # noqa: E402

# K that makes image coordinates equal camera X/Z, Y/Z (u = X/Z, v = Y/Z).
K_UNIT = np.eye(3)


def square(shape, x0, y0, size):
    m = np.zeros(shape, dtype=bool)
    m[y0:y0 + size, x0:x0 + size] = True
    return m


def tri_vertices(points2d, z=1.0):
    """Camera-frame vertices that project (with K_UNIT) onto the given pixel coordinates."""
    p = np.asarray(points2d, dtype=np.float64)
    zs = np.broadcast_to(np.asarray(z, dtype=np.float64), (p.shape[0],))
    return np.column_stack([p[:, 0] * zs, p[:, 1] * zs, zs])


class MaskMetricTests(unittest.TestCase):
    def test_squares_three_pixels_apart(self):
        a = square((64, 64), 10, 20, 10)
        b = square((64, 64), 13, 20, 10)
        for mode in ("max", "pooled"):
            value, missing = ref.hd95(a, b, mode)
            self.assertEqual(value, 3.0, mode)
            self.assertFalse(missing)
            self.assertEqual(ref.hd95(b, a, mode)[0], 3.0)

    def test_identical_masks(self):
        a = square((64, 64), 5, 7, 20)
        self.assertEqual(ref.iou(a, a), 1.0)
        for mode in ("max", "pooled"):
            self.assertEqual(ref.hd95(a, a, mode), (0.0, False))

    def test_iou_value(self):
        a = square((32, 32), 0, 0, 10)
        b = square((32, 32), 5, 0, 10)
        self.assertAlmostEqual(ref.iou(a, b), 50 / 150)

    def test_empty_in_both(self):
        e = np.zeros((16, 16), dtype=bool)
        self.assertTrue(math.isnan(ref.iou(e, e)))
        v, missing = ref.hd95(e, e)
        self.assertTrue(math.isnan(v))
        self.assertFalse(missing)
        v, missing = ref.hd95(e, e, empty="diagonal")
        self.assertTrue(math.isnan(v))
        self.assertFalse(missing)

    def test_empty_in_one(self):
        e = np.zeros((30, 40), dtype=bool)
        a = square((30, 40), 3, 3, 5)
        self.assertEqual(ref.iou(a, e), 0.0)
        for x, y in ((a, e), (e, a)):
            v, missing = ref.hd95(x, y)
            self.assertTrue(math.isnan(v))
            self.assertTrue(missing)
            v, missing = ref.hd95(x, y, empty="diagonal")
            self.assertEqual(v, 50.0)
            self.assertTrue(missing)

    def test_boundary_along_image_border(self):
        full = np.ones((8, 10), dtype=bool)
        b = ref.boundary(full)
        ring = np.ones((8, 10), dtype=bool)
        ring[1:-1, 1:-1] = False
        np.testing.assert_array_equal(b, ring)
        left = np.zeros((8, 10), dtype=bool)
        left[2:6, 0:4] = True
        b = ref.boundary(left)
        self.assertTrue(b[2:6, 0].all())  # touches the left border: boundary there
        self.assertTrue(b[2:6, 3].all())
        self.assertFalse(b[3:5, 1:3].any())

    def test_boundary_distance_uses_border_pixels(self):
        # A full-image mask vs a mask missing its first column: the border column is boundary.
        a = np.ones((20, 20), dtype=bool)
        b = a.copy()
        b[:, 0] = False
        d_ab = ref.Surface(b).dist[ref.Surface(a).boundary]
        self.assertEqual(d_ab.max(), 1.0)

    def test_percentile_interpolation(self):
        # Directed distances: A (1 px) vs B: checks the P95 formula on a tiny known list.
        d = np.array([0.0, 1.0, 2.0, 10.0])
        h = 0.95 * 3
        expected = d[2] + (h - 2) * (d[3] - d[2])
        self.assertAlmostEqual(float(np.percentile(d, 95)), expected)

    def test_pooled_differs_from_max(self):
        a = square((64, 64), 10, 10, 4)
        b = square((64, 64), 10, 10, 30)
        vmax, _ = ref.hd95(a, b, "max")
        vpool, _ = ref.hd95(a, b, "pooled")
        self.assertGreaterEqual(vmax, vpool)
        self.assertGreater(vmax, 0)

    def test_label_image_metrics(self):
        gt = np.zeros((32, 32), np.uint8)
        gt[4:14, 4:14] = 1
        gt[20:25, 20:25] = 3
        pred = gt.copy()
        pred[20:25, 20:25] = 0  # middle missing in pred
        r = ref.mask_metrics(pred, gt)
        self.assertEqual(list(r["classes"]), list(ref.FINGER_CLASSES))
        self.assertEqual(r["classes"]["palm"]["iou"], 1.0)
        self.assertEqual(r["classes"]["palm"]["hd95"], 0.0)
        self.assertTrue(math.isnan(r["classes"]["thumb"]["iou"]))
        self.assertEqual(r["classes"]["index"]["iou"], 0.0)  # label 3 = index
        self.assertTrue(math.isnan(r["classes"]["index"]["hd95"]))
        self.assertAlmostEqual(r["miou_fg"], 0.5)
        self.assertEqual(r["hd95_mean"], 0.0)

    def test_binary_metrics(self):
        gt = np.zeros((32, 32), np.uint8)
        gt[4:14, 4:14] = 255
        r = ref.mask_metrics(gt, gt)
        self.assertEqual(list(r["classes"]), ["background", "hand"])
        self.assertEqual(r["miou"], 1.0)


class RasterizerTests(unittest.TestCase):
    def coverage(self, verts, faces, size=32):
        """Number of faces covering each pixel, rendering each face on its own."""
        count = np.zeros((size, size), dtype=int)
        for f in faces:
            idx = ref.rasterize_faces(verts, np.array([f]), K_UNIT, size, size)
            count += idx >= 0
        return count

    def test_shared_edge_drawn_once(self):
        pts = [(2, 2), (12, 2), (12, 12), (2, 12)]
        verts = tri_vertices(pts)
        for faces in ([(0, 1, 2), (0, 2, 3)], [(0, 2, 1), (2, 0, 3)], [(1, 3, 0), (1, 2, 3)]):
            count = self.coverage(verts, faces)
            self.assertEqual(count.max(), 1, faces)
            # Top-left rule: the top row and left column are in, the bottom row and right column out.
            expected = np.zeros((32, 32), dtype=int)
            expected[2:12, 2:12] = 1
            np.testing.assert_array_equal(count, expected)
            idx = ref.rasterize_faces(verts, np.array(faces), K_UNIT, 32, 32)
            np.testing.assert_array_equal(idx >= 0, expected.astype(bool))

    def test_fan_with_integer_vertices(self):
        rng = np.random.default_rng(3)
        for _ in range(20):
            # convex polygon (octagon-like) with a centre vertex; integer coordinates everywhere
            # one vertex per 1/7 sector: every gap is below pi, so the fan tiles the polygon
            angles = (np.arange(7) + rng.uniform(0.1, 0.9, 7)) * (2 * np.pi / 7)
            ring = np.round(np.column_stack([16 + 12 * np.cos(angles), 16 + 12 * np.sin(angles)]))
            centre = np.array([[16.0, 16.0]])
            pts = np.vstack([centre, ring])
            verts = tri_vertices(pts, z=rng.uniform(1, 2, len(pts)))
            faces = [(0, 1 + i, 1 + (i + 1) % 7) for i in range(7)]
            count = self.coverage(verts, faces)
            self.assertLessEqual(count.max(), 1)
            self.assertEqual(count[16, 16], 1)
            # every pixel centre strictly inside the polygon is covered
            import cv2
            contour = ring.astype(np.float32).reshape(-1, 1, 2)
            for y in range(32):
                for x in range(32):
                    if cv2.pointPolygonTest(contour, (float(x), float(y)), False) > 0:
                        self.assertEqual(count[y, x], 1, (x, y))

    def test_shared_edges_in_floating_point(self):
        # Jittered grids on a 0.1 lattice with varying depth: projected coordinates carry rounding
        # error, and many shared edges pass (nearly) through pixel centres. No pixel may be
        # claimed by two faces (a naive, non-antisymmetric edge function fails this).
        rng = np.random.default_rng(5)
        n = 5
        for _ in range(300):
            g = np.array([[c * 6 + rng.integers(-15, 16) / 10, r * 6 + rng.integers(-15, 16) / 10]
                          for r in range(n) for c in range(n)]) + 2
            z = rng.uniform(1, 3, n * n)
            V = np.column_stack([g[:, 0] * z, g[:, 1] * z, z])
            F = []
            for r in range(n - 1):
                for c in range(n - 1):
                    a, b, d, e = r * n + c, r * n + c + 1, (r + 1) * n + c, (r + 1) * n + c + 1
                    F += [[a, b, e], [a, e, d]] if rng.integers(2) else [[a, b, d], [b, e, d]]
            count = self.coverage(V, F)
            self.assertLessEqual(count.max(), 1)

    def test_top_and_bottom_edges(self):
        # Triangle with a horizontal top edge at y = 2: row 2 drawn.
        verts = tri_vertices([(2, 2), (10, 2), (2, 10)])
        idx = ref.rasterize_faces(verts, np.array([(0, 1, 2)]), K_UNIT, 16, 16)
        self.assertTrue((idx[2, 2:10] == 0).all())
        self.assertEqual(idx[2, 10], -1)  # right end of the top edge: on the right (hypotenuse) edge
        self.assertTrue((idx[2:10, 2] == 0).all())  # left edge
        # Triangle with a horizontal bottom edge at y = 10: row 10 not drawn.
        verts = tri_vertices([(2, 10), (10, 10), (2, 2)])
        idx = ref.rasterize_faces(verts, np.array([(0, 1, 2)]), K_UNIT, 16, 16)
        self.assertFalse((idx[10] >= 0).any())
        self.assertEqual(idx[9, 2], 0)

    def test_nearer_triangle_wins(self):
        big = [(0, 0), (30, 0), (0, 30)]
        small = [(2, 2), (12, 2), (2, 12)]
        verts = np.vstack([tri_vertices(big, z=2.0), tri_vertices(small, z=1.0)])
        for faces, near in (([(0, 1, 2), (3, 4, 5)], 1), ([(3, 4, 5), (0, 1, 2)], 0)):
            idx = ref.rasterize_faces(verts, np.array(faces), K_UNIT, 32, 32)
            self.assertEqual(idx[5, 5], near)
            self.assertEqual(idx[20, 5], 1 - near)

    def test_equal_depth_lower_index_wins(self):
        tri = [(0, 0), (30, 0), (0, 30)]
        verts = np.vstack([tri_vertices(tri, z=1.5), tri_vertices(tri, z=1.5)])
        idx = ref.rasterize_faces(verts, np.array([(3, 4, 5), (0, 2, 1)]), K_UNIT, 32, 32)
        self.assertTrue((idx[idx >= 0] == 0).all())
        self.assertGreater((idx >= 0).sum(), 100)

    def test_perspective_correct_depth(self):
        # A tilted plane: the depth at each pixel is the ray-plane intersection.
        verts = np.array([[-1.0, -1.0, 2.0], [3.0, -1.0, 4.0], [-1.0, 3.0, 3.0]])
        K = np.array([[10.0, 0, 16], [0, 10.0, 16], [0, 0, 1]])
        idx, depth = ref.rasterize_faces(verts, np.array([(0, 1, 2)]), K, 32, 32, return_depth=True)
        n = np.cross(verts[1] - verts[0], verts[2] - verts[0])
        ys, xs = np.nonzero(idx >= 0)
        self.assertGreater(len(xs), 20)
        for x, y in zip(xs, ys):
            ray = np.array([(x - 16) / 10.0, (y - 16) / 10.0, 1.0])
            t = n.dot(verts[0]) / n.dot(ray)
            self.assertAlmostEqual(depth[y, x], t, places=12)

    def test_vertex_behind_camera_skips_face(self):
        for bad_z in (-1.0, 0.0):
            verts = tri_vertices([(2, 2), (20, 2), (2, 20)], z=1.0)
            verts[2, 2] = bad_z
            idx = ref.rasterize_faces(verts, np.array([(0, 1, 2)]), K_UNIT, 32, 32)
            self.assertFalse((idx >= 0).any())
        # the other face still renders
        verts = np.vstack([tri_vertices([(2, 2), (20, 2), (2, 20)]), [[0.0, 0.0, -1.0]]])
        idx = ref.rasterize_faces(verts, np.array([(0, 1, 3), (0, 1, 2)]), K_UNIT, 32, 32)
        self.assertTrue((idx[idx >= 0] == 1).all())
        self.assertGreater((idx >= 0).sum(), 50)

    def test_matches_brute_force(self):
        """Vectorised rasterizer vs a per-pixel, per-face loop written straight from the text."""
        def brute(V, F, K, w, h):
            u, v = ref.project(V, K)
            best = np.full((h, w), -1)
            bestz = np.full((h, w), np.inf)
            for fi, f in enumerate(F):
                if (V[f, 2] <= 0).any():
                    continue
                p = [(u[i], v[i], V[i, 2]) for i in f]
                E = lambda a, b, c: (b[1] - a[1]) * (c[0] - a[0]) - (b[0] - a[0]) * (c[1] - a[1])
                A = E(p[0], p[1], p[2])
                if A < 0:
                    p = [p[0], p[2], p[1]]
                    A = -A
                if A == 0:
                    continue
                def tl(a, b):
                    dx, dy = b[0] - a[0], b[1] - a[1]
                    return (dy == 0 and dx < 0) or dy > 0
                for y in range(h):
                    for x in range(w):
                        q = (x, y)
                        ws = [E(p[1], p[2], q), E(p[2], p[0], q), E(p[0], p[1], q)]
                        edges = [(p[1], p[2]), (p[2], p[0]), (p[0], p[1])]
                        if all(wi > 0 or (wi == 0 and tl(*e)) for wi, e in zip(ws, edges)):
                            z = 1.0 / sum(wi / A / pi[2] for wi, pi in zip(ws, p))
                            if z < bestz[y, x]:
                                bestz[y, x], best[y, x] = z, fi
            return best

        rng = np.random.default_rng(11)
        K = np.array([[20.0, 0, 11.5], [0, 20.0, 11.5], [0, 0, 1]])
        for trial in range(4):
            V = np.column_stack([rng.uniform(-0.5, 0.5, 30), rng.uniform(-0.5, 0.5, 30), rng.uniform(0.8, 1.5, 30)])
            V[0, 2] = -0.2
            if trial % 2:
                V[:, :2] = np.round(V[:, :2] * 20) / 20  # many exact edge hits at Z == 1
                V[:, 2] = 1.0
            F = rng.integers(0, 30, (25, 3))
            expected = brute(V, F, K, 24, 24)
            for chunk in (1 << 22, 50):
                got = ref.rasterize_faces(V, F, K, 24, 24, max_candidates=chunk)
                np.testing.assert_array_equal(got, expected)

    def test_degenerate_triangle_covers_nothing(self):
        verts = tri_vertices([(2, 2), (10, 10), (20, 20)])
        idx = ref.rasterize_faces(verts, np.array([(0, 1, 2)]), K_UNIT, 32, 32)
        self.assertFalse((idx >= 0).any())

    def test_face_labels(self):
        parts = np.array([0, 1, 1, 2, 3])
        faces = np.array([(0, 1, 2), (1, 0, 2), (0, 3, 4), (3, 0, 0), (4, 0, 3)])
        np.testing.assert_array_equal(ref.face_labels_from_parts(faces, parts), [1, 1, 0, 0, 3])

    def test_label_image_values(self):
        verts = tri_vertices([(2, 2), (12, 2), (12, 12), (2, 12)])
        labels = ref.render_labels(verts, np.array([(0, 1, 2), (0, 2, 3)]), np.array([5, 2]), K_UNIT, 16, 16)
        self.assertEqual(set(np.unique(labels)), {0, 3, 6})

    def test_intrinsics_rescale(self):
        K = np.array([[500.0, 0, 111.5], [0, 400.0, 99.5], [0, 0, 1]])
        K2 = ref.rescale_intrinsics(K, 448, 448, 224)
        self.assertEqual(K2[0, 0], 250.0)
        self.assertEqual(K2[0, 2], 0.5 * 112.0 - 0.5)
        self.assertEqual(K2[1, 2], 0.5 * 100.0 - 0.5)
        np.testing.assert_array_equal(ref.rescale_intrinsics(K, 224, 224, 224), K)
        # A pixel-centre point maps to the centre of the corresponding 2x2 block.
        X = np.array([[0.0, 0.0, 1.0]])
        u, v = ref.project(X, K)
        u2, v2 = ref.project(X, K2)
        self.assertAlmostEqual(u2[0], (u[0] + 0.5) / 2 - 0.5)


class ThreeDTests(unittest.TestCase):
    def test_procrustes_recovers_similarity(self):
        rng = np.random.default_rng(0)
        gt = rng.normal(size=(778, 3)) * 0.05
        q, _ = np.linalg.qr(rng.normal(size=(3, 3)))
        if np.linalg.det(q) < 0:
            q[:, 0] *= -1
        pred = 1.7 * gt @ q.T + np.array([0.1, -0.2, 0.5])
        aligned = ref.align_w_scale(gt, pred)
        self.assertLess(ref.point_errors(gt, aligned).max(), 1e-7)
        self.assertGreater(ref.point_errors(gt, pred).mean(), 0.1)

    def test_fscore(self):
        rng = np.random.default_rng(1)
        pts = rng.normal(size=(100, 3))
        self.assertEqual(ref.fscore(pts, pts, 0.005), 1.0)
        self.assertEqual(ref.fscore(pts, pts + 10.0, 0.005), 0.0)
        # half the predictions far away: precision 1 (every GT point has a close prediction), recall 0.5
        pred = np.vstack([pts, pts + 10.0])
        self.assertAlmostEqual(ref.fscore(pts, pred, 0.005), 2 * 0.5 / 1.5)

    def test_auc(self):
        c = ref.PckCounter(21)
        for _ in range(5):
            c.feed(np.zeros(21))
        self.assertAlmostEqual(c.auc(), 1.0)
        c = ref.PckCounter(2)
        c.feed(np.array([1.0, 1.0]))
        self.assertEqual(c.auc(), 0.0)
        # error exactly at the last threshold counts (d <= t) only there
        c = ref.PckCounter(1)
        c.feed(np.array([0.05]))
        t = np.linspace(0, 0.05, 100)
        self.assertAlmostEqual(c.auc(), 0.5 * (t[1] - t[0]) / 0.05)


# ---------------------------------------------------------------------------------------------
# End-to-end on a tiny synthetic FreiHAND-layout dataset
# ---------------------------------------------------------------------------------------------

def make_hand_model():
    """A flat 7x7-vertex grid (36 quads) with parts in vertical stripes, 21 joints on vertices."""
    n = 7
    xs, ys = np.meshgrid(np.linspace(-0.04, 0.04, n), np.linspace(-0.04, 0.04, n))
    rest = np.column_stack([xs.ravel(), ys.ravel(), np.zeros(n * n)])
    faces = []
    for r in range(n - 1):
        for c in range(n - 1):
            a, b, d, e = r * n + c, r * n + c + 1, (r + 1) * n + c, (r + 1) * n + c + 1
            faces += [[a, b, e], [a, e, d]]
    parts = [min(5, c) for r in range(n) for c in range(n)]
    regressor = [[[j, 1.0]] for j in range(21)]
    regressor[0] = [[0, 0.5], [48, 0.5]]
    return {
        "format": "handalign.hand_model", "version": 1, "name": "test-grid",
        "vertex_count": n * n, "faces": faces,
        "part_names": list(ref.PART_NAMES), "vertex_parts": parts,
        "joint_names": ["wrist"] + ["%s_%s" % (f, j) for f in ("thumb", "index", "middle", "ring", "pinky")
                                    for j in (("mcp", "pip", "dip", "tip"))],
        "joint_regressor": regressor, "rest_vertices": rest.tolist(),
    }


def write_dataset(root, model, n_samples=3, image_size=112):
    import cv2
    rng = np.random.default_rng(7)
    rest = np.array(model["rest_vertices"])
    J = np.zeros((21, len(rest)))
    for j, row in enumerate(model["joint_regressor"]):
        for v, w in row:
            J[j, v] += w
    Ks, xyz, verts = [], [], []
    for i in range(n_samples):
        v = rest + np.array([0.005 * i, 0.0, 0.5])
        v[:, 2] += rng.normal(scale=0.002, size=len(v))
        verts.append(v)
        xyz.append(J @ v)
        f = 400.0 * image_size / 224
        Ks.append([[f, 0, image_size / 2 - 0.5], [0, f, image_size / 2 - 0.5], [0, 0, 1]])
    os.makedirs(os.path.join(root, "training", "rgb"))
    os.makedirs(os.path.join(root, "training", "mask"))
    for i in range(n_samples):
        cv2.imwrite(os.path.join(root, "training", "rgb", "%08d.jpg" % i),
                    np.full((image_size, image_size, 3), 90, np.uint8))
    # sample 0 has a dataset mask: a plain rectangle; others fall back to the rendered GT mesh
    m = np.zeros((image_size, image_size), np.uint8)
    m[30:80, 30:80] = 255
    cv2.imwrite(os.path.join(root, "training", "mask", "%08d.jpg" % 0), m)
    for name, data in (("K", Ks), ("xyz", xyz), ("verts", verts)):
        with open(os.path.join(root, "training_%s.json" % name), "w") as f:
            json.dump(np.asarray(data).tolist(), f)
    with open(os.path.join(root, "hand_model.json"), "w") as f:
        json.dump(model, f)
    return np.array(xyz), np.array(verts)


class EndToEndTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.root = os.path.join(cls.tmp.name, "ds")
        cls.model = make_hand_model()
        cls.xyz, cls.verts = write_dataset(cls.root, cls.model)
        cls.perfect = os.path.join(cls.tmp.name, "perfect.json")
        with open(cls.perfect, "w") as f:
            json.dump([cls.xyz.tolist(), cls.verts.tolist()], f)
        cls.shifted = os.path.join(cls.tmp.name, "shifted.json")
        with open(cls.shifted, "w") as f:
            json.dump([[], (cls.verts + np.array([0.004, 0.0, 0.0])).tolist()], f)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_ref(self, *args):
        return subprocess.run(["/usr/bin/python3", SCRIPT] + list(args), capture_output=True, text=True)

    def test_eval(self):
        out = os.path.join(self.tmp.name, "out")
        r = self.run_ref("eval", "--dataset", self.root, "--pred", "perfect=" + self.perfect,
                         "--pred", "shifted=" + self.shifted, "--out", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(out, "per_sample.csv")) as f:
            header = f.readline().strip()
        self.assertEqual(header, ",".join(ref.CSV_COLUMNS))
        with open(os.path.join(out, "per_sample.csv")) as f:
            rows = list(csv.DictReader(f))
        self.assertEqual([(r["sample"], r["pred"]) for r in rows],
                         [("%08d" % i, p) for i in range(3) for p in ("perfect", "shifted")])
        perfect = [r for r in rows if r["pred"] == "perfect"]
        for row in perfect:
            self.assertEqual(float(row["finger_miou"]), 1.0)
            self.assertEqual(float(row["finger_hd95"]), 0.0)
            self.assertEqual(float(row["mpjpe_mm"]), 0.0)
            self.assertEqual(float(row["f5"]), 1.0)
            self.assertLess(float(row["pa_mpvpe_mm"]), 1e-3)  # the 1e-8 in align_w_scale
        # sample 0 is judged against its dataset mask, the others against the rendered mesh
        self.assertLess(float(perfect[0]["hand_iou"]), 1.0)
        self.assertEqual(float(perfect[1]["hand_iou"]), 1.0)
        shifted = [r for r in rows if r["pred"] == "shifted"]
        for row in shifted:
            self.assertAlmostEqual(float(row["mpvpe_mm"]), 4.0, places=9)
            self.assertLess(float(row["finger_miou"]), 1.0)
            self.assertGreater(float(row["hand_hd95"]), 0.0)
        with open(os.path.join(out, "summary.json")) as f:
            summary = json.load(f)
        p = summary["preds"]["perfect"]
        self.assertAlmostEqual(p["auc_j"], 1.0)
        self.assertAlmostEqual(p["auc_v"], 1.0)
        # after alignment errors are tiny but not 0, so PCK at t = 0 is 0 (d <= t)
        self.assertAlmostEqual(p["pa_auc_v"], 1.0 - 0.5 / 99)
        self.assertEqual(p["hand_hd95_missing"], 0)
        s = summary["preds"]["shifted"]
        self.assertAlmostEqual(s["mpvpe_mm"], 4.0, places=9)
        self.assertLess(s["auc_v"], 1.0)
        for c in ref.VALUE_COLUMNS:
            self.assertIn(c, s)
        self.assertEqual(summary["conventions"]["hd_mode"], "max")

    def test_eval_resolution_and_limit(self):
        out = os.path.join(self.tmp.name, "out2")
        r = self.run_ref("eval", "--dataset", self.root, "--pred", "p=" + self.perfect, "--out", out,
                         "--resolution", "56", "--limit", "2", "--hd-mode", "pooled",
                         "--hd-empty", "diagonal")
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(out, "per_sample.csv")) as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), 2)
        self.assertEqual(float(rows[1]["hand_iou"]), 1.0)

    def test_bad_inputs(self):
        out = os.path.join(self.tmp.name, "out3")
        r = self.run_ref("eval", "--dataset", self.root, "--pred", "p=/nonexistent.json", "--out", out)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("/nonexistent.json", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(out, "per_sample.csv")))
        bad = os.path.join(self.tmp.name, "bad.json")
        with open(bad, "w") as f:
            f.write("[[], [[1, 2]]")
        r = self.run_ref("eval", "--dataset", self.root, "--pred", "p=" + bad, "--out", out)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("bad.json", r.stderr)

    def test_metrics_command(self):
        import cv2
        a = np.zeros((64, 64), np.uint8)
        b = a.copy()
        a[20:30, 10:20] = 255
        b[20:30, 13:23] = 255
        pa = os.path.join(self.tmp.name, "a.png")
        pb = os.path.join(self.tmp.name, "b.png")
        cv2.imwrite(pa, a)
        cv2.imwrite(pb, b)
        for mode in ("max", "pooled"):
            r = self.run_ref("metrics", pa, pb, "--hd-mode", mode)
            self.assertEqual(r.returncode, 0, r.stderr)
            res = json.loads(r.stdout)
            self.assertEqual(set(res), {"classes", "miou", "miou_fg", "hd95_mean"})
            self.assertEqual(res["classes"]["hand"]["hd95"], 3.0)
            self.assertEqual(res["hd95_mean"], 3.0)
            self.assertAlmostEqual(res["classes"]["hand"]["iou"], 70 / 130)
        # label images with an empty class: null in the JSON
        la = np.zeros((16, 16), np.uint8)
        la[2:8, 2:8] = 1
        cv2.imwrite(pa, la)
        r = self.run_ref("metrics", pa, pa)
        res = json.loads(r.stdout)
        self.assertIsNone(res["classes"]["thumb"]["iou"])
        self.assertIsNone(res["classes"]["thumb"]["hd95"])
        self.assertEqual(res["classes"]["palm"]["iou"], 1.0)
        self.assertEqual(res["miou"], 1.0)


if __name__ == "__main__":
    unittest.main()
