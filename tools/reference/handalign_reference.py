#!/usr/bin/python3
"""Independent NumPy/SciPy reference implementation of docs/metrics.md.

Used to cross-check the C++ engine and as a speed baseline.  Written from the
normative text of docs/metrics.md only.

    handalign_reference.py metrics PRED.png GT.png [--hd-mode max|pooled] [--hd-empty nan|diagonal]
    handalign_reference.py eval --dataset DIR [--split training] [--hand-model FILE]
        --pred NAME=FILE [--pred NAME=FILE ...] --out DIR [--resolution 224]
        [--hd-mode max|pooled] [--hd-empty nan|diagonal] [--gt-mask auto|mesh] [--limit N] [--progress]
        [--annotations DIR]

Run with /usr/bin/python3 (needs numpy, scipy, cv2).
"""

import argparse
import json
import math
import os
import sys
import tempfile

import numpy as np
from scipy import ndimage
from scipy.linalg import orthogonal_procrustes
from scipy.spatial import cKDTree

PART_NAMES = ("palm", "thumb", "index", "middle", "ring", "pinky")
HAND_CLASSES = ("background", "hand")
FINGER_CLASSES = ("background",) + PART_NAMES
AUC_THRESHOLDS = np.linspace(0, 0.05, 100)  # metres, FreiHAND EvalUtil
FSCORE_THRESHOLDS_M = (0.005, 0.015)

CSV_COLUMNS = (
    ["sample", "pred", "hand_iou", "hand_miou", "hand_hd95", "finger_miou", "finger_miou_fg",
     "finger_hd95"]
    + ["iou_" + p for p in PART_NAMES]
    + ["hd95_" + p for p in PART_NAMES]
    + ["mpjpe_mm", "pa_mpjpe_mm", "mpvpe_mm", "pa_mpvpe_mm", "f5", "f15", "pa_f5", "pa_f15"])
VALUE_COLUMNS = CSV_COLUMNS[2:]


class InputError(Exception):
    """Bad input: one clear message naming the file and the problem."""


def nanmean(values):
    a = np.asarray(values, dtype=np.float64)
    a = a[~np.isnan(a)]
    return float(a.mean()) if a.size else math.nan


# ----------------------------------------------------------------------------------------------
# Camera
# ----------------------------------------------------------------------------------------------

def rescale_intrinsics(K, width, height, R):
    """K for an R×R grid from K for a width×height image (pixel centres at integers)."""
    K = np.array(K, dtype=np.float64)
    if width == R and height == R:
        return K
    sx = R / width
    sy = R / height
    out = K.copy()
    out[0, 0] = sx * K[0, 0]
    out[0, 1] = sx * K[0, 1]
    out[1, 1] = sy * K[1, 1]
    out[0, 2] = sx * (K[0, 2] + 0.5) - 0.5
    out[1, 2] = sy * (K[1, 2] + 0.5) - 0.5
    return out


def project(points, K):
    """Pinhole projection u = fx·X/Z + s·Y/Z + cx, v = fy·Y/Z + cy."""
    X, Y, Z = points[:, 0], points[:, 1], points[:, 2]
    with np.errstate(divide="ignore", invalid="ignore"):
        u = K[0, 0] * X / Z + K[0, 2]
        if K[0, 1] != 0:
            u = u + K[0, 1] * Y / Z
        v = K[1, 1] * Y / Z + K[1, 2]
    return u, v


# ----------------------------------------------------------------------------------------------
# Rasterization
# ----------------------------------------------------------------------------------------------

def face_labels_from_parts(faces, vertex_parts):
    """Majority (>= 2) part of the three vertices, else the first vertex's part."""
    p = np.asarray(vertex_parts)[np.asarray(faces)]
    take_second = (p[:, 1] == p[:, 2]) & (p[:, 0] != p[:, 1])
    return np.where(take_second, p[:, 1], p[:, 0]).astype(np.int64)


def _edge(ax, ay, bx, by, px, py):
    """Edge function E(a, b, p); positive inside a triangle of positive area (y down).

    With this sign, a top edge (interior below) runs with d.y == 0, d.x < 0 and a
    left edge (interior to the right) with d.y > 0, as docs/metrics.md states.
    The two endpoints are put in a fixed order (smaller (y, x) first) and the
    result negated if they were swapped, so that E(a, b, p) == -E(b, a, p)
    exactly in floating point: the two faces sharing an edge then never both
    (or neither) claim a pixel centre lying on it.
    """
    swap = (by < ay) | ((by == ay) & (bx < ax))
    sx, sy = np.where(swap, bx, ax), np.where(swap, by, ay)
    ex, ey = np.where(swap, ax, bx), np.where(swap, ay, by)
    e = (ey - sy) * (px - sx) - (ex - sx) * (py - sy)
    return np.where(swap, -e, e)


def rasterize_faces(vertices, faces, K, width, height, max_candidates=1 << 22, return_depth=False):
    """Per pixel the index of the visible face (-1 where none), as a height×width int64 image.

    With return_depth, also the depth image (inf where no face)."""
    V = np.asarray(vertices, dtype=np.float64)
    F = np.asarray(faces, dtype=np.int64)
    out = np.full(width * height, -1, dtype=np.int64)
    zbuf = np.full(width * height, np.inf)

    def result():
        if return_depth:
            return out.reshape(height, width), zbuf.reshape(height, width)
        return out.reshape(height, width)

    if F.shape[0] == 0:
        return result()

    u, v = project(V, K)
    Zf = V[:, 2][F]
    face_ids = np.nonzero((Zf > 0).all(axis=1))[0]  # any vertex at Z <= 0: skip the face
    x = u[F[face_ids]]
    y = v[F[face_ids]]
    z = Zf[face_ids]
    finite = np.isfinite(x).all(axis=1) & np.isfinite(y).all(axis=1)
    face_ids, x, y, z = face_ids[finite], x[finite], y[finite], z[finite]

    # Orientation: triangles of negative area are re-ordered (v0, v2, v1).
    area = _edge(x[:, 0], y[:, 0], x[:, 1], y[:, 1], x[:, 2], y[:, 2])
    neg = area < 0
    for arr in (x, y, z):
        arr[neg, 1], arr[neg, 2] = arr[neg, 2].copy(), arr[neg, 1].copy()
    area = _edge(x[:, 0], y[:, 0], x[:, 1], y[:, 1], x[:, 2], y[:, 2])
    ok = area > 0  # degenerate triangles cover nothing
    face_ids, x, y, z, area = face_ids[ok], x[ok], y[ok], z[ok], area[ok]

    # Bounding boxes over pixel centres (integer coordinates), clipped to the image.
    xmin = np.clip(np.ceil(x.min(axis=1)), 0, width)
    xmax = np.clip(np.floor(x.max(axis=1)), -1, width - 1)
    ymin = np.clip(np.ceil(y.min(axis=1)), 0, height)
    ymax = np.clip(np.floor(y.max(axis=1)), -1, height - 1)
    bw = (xmax - xmin + 1).astype(np.int64)
    bh = (ymax - ymin + 1).astype(np.int64)
    nonempty = (bw > 0) & (bh > 0)
    face_ids, x, y, z, area = face_ids[nonempty], x[nonempty], y[nonempty], z[nonempty], area[nonempty]
    xmin, ymin = xmin[nonempty].astype(np.int64), ymin[nonempty].astype(np.int64)
    bw, bh = bw[nonempty], bh[nonempty]
    if face_ids.size == 0:
        return result()

    # Edge k runs from vertex k to vertex k+1; its edge function weights the opposite vertex.
    def top_left(k):
        dx = x[:, (k + 1) % 3] - x[:, k]
        dy = y[:, (k + 1) % 3] - y[:, k]
        return ((dy == 0) & (dx < 0)) | (dy > 0)

    tl01, tl12, tl20 = top_left(0), top_left(1), top_left(2)

    counts = bw * bh
    pix_all, z_all, f_all = [], [], []
    start = 0
    n = face_ids.size
    while start < n:
        csum = np.cumsum(counts[start:])
        stop = start + max(1, int(np.searchsorted(csum, max_candidates, side="right")))
        sel = np.arange(start, stop)
        cnt = counts[sel]
        owner = np.repeat(sel, cnt)
        offsets = np.cumsum(cnt) - cnt
        local = np.arange(int(cnt.sum()), dtype=np.int64) - np.repeat(offsets, cnt)
        px_i = xmin[owner] + local % bw[owner]
        py_i = ymin[owner] + local // bw[owner]
        px = px_i.astype(np.float64)
        py = py_i.astype(np.float64)
        X, Y = x[owner], y[owner]
        w0 = _edge(X[:, 1], Y[:, 1], X[:, 2], Y[:, 2], px, py)  # edge v1 -> v2
        w1 = _edge(X[:, 2], Y[:, 2], X[:, 0], Y[:, 0], px, py)  # edge v2 -> v0
        w2 = _edge(X[:, 0], Y[:, 0], X[:, 1], Y[:, 1], px, py)  # edge v0 -> v1
        inside = (((w0 > 0) | ((w0 == 0) & tl12[owner]))
                  & ((w1 > 0) | ((w1 == 0) & tl20[owner]))
                  & ((w2 > 0) | ((w2 == 0) & tl01[owner])))
        owner = owner[inside]
        A = area[owner]
        b0, b1, b2 = w0[inside] / A, w1[inside] / A, w2[inside] / A
        Z = z[owner]
        depth = 1.0 / (b0 / Z[:, 0] + b1 / Z[:, 1] + b2 / Z[:, 2])
        pix_all.append(py_i[inside] * width + px_i[inside])
        z_all.append(depth)
        f_all.append(face_ids[owner])
        start = stop

    pix = np.concatenate(pix_all)
    depth = np.concatenate(z_all)
    fid = np.concatenate(f_all)
    if pix.size:
        order = np.lexsort((fid, depth, pix))  # by pixel, then smallest z, then lowest face index
        pix, fid, depth = pix[order], fid[order], depth[order]
        first = np.ones(pix.size, dtype=bool)
        first[1:] = pix[1:] != pix[:-1]
        out[pix[first]] = fid[first]
        zbuf[pix[first]] = depth[first]
    return result()


def render_labels(vertices, faces, face_labels, K, width, height):
    """Label image: 0 background, part + 1 where a face is visible."""
    fidx = rasterize_faces(vertices, faces, K, width, height)
    lut = np.concatenate([[0], np.asarray(face_labels, dtype=np.int64) + 1]).astype(np.uint8)
    return lut[fidx + 1]


# ----------------------------------------------------------------------------------------------
# Mask metrics
# ----------------------------------------------------------------------------------------------

def iou(pred, gt):
    union = np.count_nonzero(pred | gt)
    if union == 0:
        return math.nan
    return np.count_nonzero(pred & gt) / union


def boundary(mask):
    """Mask pixels with a 4-neighbour outside the mask or outside the image."""
    m = np.pad(np.asarray(mask, dtype=bool), 1, constant_values=False)
    inner = m[:-2, 1:-1] & m[2:, 1:-1] & m[1:-1, :-2] & m[1:-1, 2:]
    return m[1:-1, 1:-1] & ~inner


class Surface:
    """A mask with its boundary and (lazily) the distance map to that boundary."""

    def __init__(self, mask):
        self.mask = np.asarray(mask, dtype=bool)
        self.empty = not self.mask.any()
        self._boundary = None
        self._dist = None

    @property
    def boundary(self):
        if self._boundary is None:
            self._boundary = boundary(self.mask)
        return self._boundary

    @property
    def dist(self):
        if self._dist is None:
            self._dist = ndimage.distance_transform_edt(~self.boundary)
        return self._dist


def hd95(a, b, mode="max", empty="nan"):
    """HD95 between two Surfaces (or masks). Returns (value, missing)."""
    if not isinstance(a, Surface):
        a = Surface(a)
    if not isinstance(b, Surface):
        b = Surface(b)
    if a.empty and b.empty:
        return math.nan, False
    if a.empty or b.empty:
        if empty == "diagonal":
            h, w = a.mask.shape
            return math.sqrt(w * w + h * h), True
        return math.nan, True
    d_ab = b.dist[a.boundary]
    d_ba = a.dist[b.boundary]
    if mode == "max":
        return float(max(np.percentile(d_ab, 95), np.percentile(d_ba, 95))), False
    if mode == "pooled":
        return float(np.percentile(np.concatenate([d_ab, d_ba]), 95)), False
    raise ValueError("unknown hd mode: %r" % mode)


def mask_metrics(pred_img, gt_img, hd_mode="max", hd_empty="nan"):
    """The `metrics` command on two 8-bit images of equal size."""
    if pred_img.shape != gt_img.shape:
        raise InputError("images differ in size: %dx%d vs %dx%d"
                         % (pred_img.shape[1], pred_img.shape[0], gt_img.shape[1], gt_img.shape[0]))
    if pred_img.max(initial=0) <= 6 and gt_img.max(initial=0) <= 6:
        names = FINGER_CLASSES
        pred_masks = [pred_img == c for c in range(len(names))]
        gt_masks = [gt_img == c for c in range(len(names))]
    else:
        names = HAND_CLASSES
        pred_masks = [pred_img == 0, pred_img != 0]
        gt_masks = [gt_img == 0, gt_img != 0]
    classes = {}
    for name, p, g in zip(names, pred_masks, gt_masks):
        value, _ = hd95(p, g, hd_mode, hd_empty)
        classes[name] = {"iou": iou(p, g), "hd95": value}
    ious = [classes[n]["iou"] for n in names]
    return {
        "classes": classes,
        "miou": nanmean(ious),
        "miou_fg": nanmean(ious[1:]),
        "hd95_mean": nanmean([classes[n]["hd95"] for n in names[1:]]),
    }


# ----------------------------------------------------------------------------------------------
# 3D metrics (FreiHAND's official evaluation)
# ----------------------------------------------------------------------------------------------

def align_w_scale(mtx1, mtx2):
    """FreiHAND align_w_scale(gt, pred): pred aligned to gt by a similarity transform."""
    mtx1 = np.array(mtx1, dtype=np.float64)
    mtx2 = np.array(mtx2, dtype=np.float64)
    t1 = mtx1.mean(0)
    t2 = mtx2.mean(0)
    mtx1_t = mtx1 - t1
    mtx2_t = mtx2 - t2
    s1 = np.linalg.norm(mtx1_t) + 1e-8
    mtx1_t /= s1
    s2 = np.linalg.norm(mtx2_t) + 1e-8
    mtx2_t /= s2
    R, s = orthogonal_procrustes(mtx1_t, mtx2_t)
    mtx2_t = np.dot(mtx2_t, R.T) * s
    return mtx2_t * s1 + t1


def point_errors(gt, pred):
    return np.sqrt(np.sum((np.asarray(gt) - np.asarray(pred)) ** 2, axis=1))


def fscore(gt, pred, threshold):
    d1, _ = cKDTree(pred).query(gt)  # each GT point to the nearest prediction
    d2, _ = cKDTree(gt).query(pred)
    precision = float(np.mean(d1 < threshold))
    recall = float(np.mean(d2 < threshold))
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


class PckCounter:
    """FreiHAND EvalUtil: per keypoint PCK over AUC_THRESHOLDS, accumulated as counts of d <= t."""

    def __init__(self, num_kp):
        self.counts = np.zeros((num_kp, AUC_THRESHOLDS.size), dtype=np.int64)
        self.n = 0

    def feed(self, dists):
        self.counts += (np.asarray(dists)[:, None] <= AUC_THRESHOLDS[None, :])
        self.n += 1

    def auc(self):
        if self.n == 0:
            return math.nan
        pck = self.counts / self.n
        norm = np.trapz(np.ones_like(AUC_THRESHOLDS), AUC_THRESHOLDS)
        return float(np.mean(np.trapz(pck, AUC_THRESHOLDS, axis=1) / norm))


# ----------------------------------------------------------------------------------------------
# Input
# ----------------------------------------------------------------------------------------------

def load_json(path, what):
    if not os.path.isfile(path):
        raise InputError("%s: file not found (%s)" % (path, what))
    try:
        with open(path, "r") as f:
            return json.load(f)
    except (ValueError, UnicodeDecodeError) as e:
        raise InputError("%s: not valid JSON (%s): %s" % (path, what, e))
    except OSError as e:
        raise InputError("%s: cannot read (%s): %s" % (path, what, e))


def as_array(data, shape_tail, path, what):
    try:
        a = np.asarray(data, dtype=np.float64)
    except (ValueError, TypeError):
        raise InputError("%s: %s is not a regular numeric array" % (path, what))
    if a.ndim != 1 + len(shape_tail) or any(
            want is not None and got != want for got, want in zip(a.shape[1:], shape_tail)):
        tail = "x".join("V" if s is None else str(s) for s in shape_tail)
        raise InputError("%s: %s has shape %s, expected Nx%s" % (path, what, "x".join(map(str, a.shape)), tail))
    return a


class HandModel:
    def __init__(self, path):
        d = load_json(path, "hand model")
        if not isinstance(d, dict) or d.get("format") != "handalign.hand_model" or d.get("version") != 1:
            raise InputError("%s: not a handalign.hand_model version 1 file" % path)
        try:
            self.name = str(d.get("name", ""))
            V = int(d["vertex_count"])
            faces = np.asarray(d["faces"], dtype=np.int64)
            parts = np.asarray(d["vertex_parts"], dtype=np.int64)
            rows = d["joint_regressor"]
            part_names = list(d.get("part_names", PART_NAMES))
        except KeyError as e:
            raise InputError("%s: hand model lacks key %s" % (path, e))
        except (ValueError, TypeError) as e:
            raise InputError("%s: malformed hand model: %s" % (path, e))
        if part_names != list(PART_NAMES):
            raise InputError("%s: part_names must be %s" % (path, list(PART_NAMES)))
        if faces.ndim != 2 or faces.shape[1] != 3 or (faces.size and (faces.min() < 0 or faces.max() >= V)):
            raise InputError("%s: faces must be Fx3 indices in 0..%d" % (path, V - 1))
        if parts.shape != (V,) or (parts.size and (parts.min() < 0 or parts.max() > 5)):
            raise InputError("%s: vertex_parts must be %d ids in 0..5" % (path, V))
        if not isinstance(rows, list) or len(rows) != 21:
            raise InputError("%s: joint_regressor must have 21 rows" % path)
        J = np.zeros((21, V), dtype=np.float64)
        for j, row in enumerate(rows):
            for pair in row:
                vid, w = int(pair[0]), float(pair[1])
                if not 0 <= vid < V:
                    raise InputError("%s: joint_regressor row %d: vertex %d out of range" % (path, j, vid))
                J[j, vid] += w
        self.path = path
        self.vertex_count = V
        self.faces = faces
        self.vertex_parts = parts
        self.face_labels = face_labels_from_parts(faces, parts)
        self.regressor = J


def read_gray(path):
    import cv2
    if not os.path.isfile(path):
        raise InputError("%s: image file not found" % path)
    img = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
    if img is None:
        raise InputError("%s: cannot read image" % path)
    return img


def load_gt_mask(path, R):
    import cv2
    m = read_gray(path)
    h, w = m.shape
    if (w, h) != (R, R):
        interp = cv2.INTER_AREA if (w >= R and h >= R) else cv2.INTER_LINEAR
        m = cv2.resize(m, (R, R), interpolation=interp)
    return m >= 128


def read_corrected_layer(path, W, H, max_value):
    """A corrected mask layer: 8-bit single-channel PNG of the image size (docs/metrics.md)."""
    import cv2
    m = cv2.imread(path, cv2.IMREAD_UNCHANGED)
    if m is None or m.dtype != np.uint8 or m.ndim != 2:
        raise InputError("%s: not an 8-bit single-channel PNG" % path)
    if m.shape != (H, W):
        raise InputError("%s: is %dx%d, the sample image is %dx%d" % (path, m.shape[1], m.shape[0], W, H))
    allowed = np.array([0, 255]) if max_value == 255 else np.arange(max_value + 1)
    if not np.isin(m, allowed).all():
        raise InputError("%s: values outside %s" % (path, allowed.tolist()))
    return m


def corrected_hand(path, W, H, R):
    """Hand-level GT of a corrected mask: 0/255, resized and thresholded like a dataset mask."""
    import cv2
    m = read_corrected_layer(path, W, H, 255)
    if (W, H) != (R, R):
        interp = cv2.INTER_AREA if (W >= R and H >= R) else cv2.INTER_LINEAR
        m = cv2.resize(m, (R, R), interpolation=interp)
    return m >= 128


def corrected_parts(path, W, H, R):
    """Finger-level GT of a corrected part layer: nearest pixel centre, floor((2x + 1) W / 2R)."""
    m = read_corrected_layer(path, W, H, 6)
    xs = ((2 * np.arange(R) + 1) * W) // (2 * R)
    ys = ((2 * np.arange(R) + 1) * H) // (2 * R)
    return m[np.ix_(ys, xs)]


def load_predictions(path, n, V, regressor):
    data = load_json(path, "predictions")
    if not isinstance(data, list) or len(data) < 2 or not isinstance(data[1], list):
        if isinstance(data, list) and len(data) == 1:
            raise InputError("%s: predictions have no vertex list ([xyz, verts] expected)" % path)
        raise InputError("%s: expected a JSON list [xyz_list, verts_list]" % path)
    xyz_list, verts_list = data[0], data[1]
    if len(verts_list) < n:
        raise InputError("%s: %d predicted meshes, need %d" % (path, len(verts_list), n))
    verts = as_array(verts_list[:n], (V, 3), path, "verts list")
    if xyz_list is None or (isinstance(xyz_list, list) and len(xyz_list) == 0):
        xyz = np.einsum("jv,nvc->njc", regressor, verts)
    else:
        if not isinstance(xyz_list, list) or len(xyz_list) < n:
            raise InputError("%s: %d predicted joint sets, need %d" % (path, len(xyz_list), n))
        xyz = np.empty((n, 21, 3))
        for i in range(n):
            entry = xyz_list[i]
            if entry is None or (isinstance(entry, list) and len(entry) == 0):
                xyz[i] = regressor @ verts[i]
            else:
                a = np.asarray(entry, dtype=np.float64)
                if a.shape != (21, 3):
                    raise InputError("%s: joints of sample %d have shape %s, expected 21x3"
                                     % (path, i, "x".join(map(str, a.shape))))
                xyz[i] = a
    return xyz, verts


# ----------------------------------------------------------------------------------------------
# Evaluation
# ----------------------------------------------------------------------------------------------

def evaluate_sample(gt_labels, gt_hand, pred_labels, gt_surfaces, hd_mode, hd_empty):
    """2D metrics of one prediction. gt_surfaces: dict class -> Surface, cached per sample."""
    row = {}
    pred_hand = pred_labels > 0
    hand_iou = iou(pred_hand, gt_hand)
    bg_iou = iou(~pred_hand, ~gt_hand)
    row["hand_iou"] = hand_iou
    row["hand_miou"] = nanmean([hand_iou, bg_iou])
    row["hand_hd95"], hand_missing = hd95(Surface(pred_hand), gt_surfaces["hand"], hd_mode, hd_empty)

    ious = [iou(pred_labels == 0, gt_labels == 0)]
    hds = []
    finger_missing = 0
    for c, name in enumerate(PART_NAMES, start=1):
        p = pred_labels == c
        ious.append(iou(p, gt_labels == c))
        h, missing = hd95(Surface(p), gt_surfaces[name], hd_mode, hd_empty)
        finger_missing += int(missing)
        hds.append(h)
        row["iou_" + name] = ious[-1]
        row["hd95_" + name] = h
    row["finger_miou"] = nanmean(ious)
    row["finger_miou_fg"] = nanmean(ious[1:])
    row["finger_hd95"] = nanmean(hds)
    return row, int(hand_missing), finger_missing, ious, pred_hand


def fmt(x):
    if isinstance(x, str):
        return x
    x = float(x)
    return "nan" if math.isnan(x) else repr(x)


def json_safe(obj):
    if isinstance(obj, dict):
        return {k: json_safe(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [json_safe(v) for v in obj]
    if isinstance(obj, (float, np.floating)):
        x = float(obj)
        return None if not math.isfinite(x) else x
    if isinstance(obj, np.integer):
        return int(obj)
    return obj


def write_atomic(path, text):
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=d)
    try:
        with os.fdopen(fd, "w", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def run_eval(args):
    R = args.resolution
    if R <= 0:
        raise InputError("--resolution must be positive")
    split = args.split
    ds = args.dataset
    if not os.path.isdir(ds):
        raise InputError("%s: dataset directory not found" % ds)
    model_path = args.hand_model or os.path.join(ds, "hand_model.json")
    model = HandModel(model_path)
    V = model.vertex_count

    preds = []
    for spec in args.pred:
        name, sep, path = spec.partition("=")
        if not sep or not name or not path:
            raise InputError("--pred %s: expected NAME=FILE" % spec)
        if name in [p[0] for p in preds]:
            raise InputError("--pred %s: name %r given twice" % (spec, name))
        preds.append((name, path))

    k_path = os.path.join(ds, "%s_K.json" % split)
    xyz_path = os.path.join(ds, "%s_xyz.json" % split)
    verts_path = os.path.join(ds, "%s_verts.json" % split)
    Ks = as_array(load_json(k_path, "intrinsics"), (3, 3), k_path, "K list")
    n = Ks.shape[0]
    if args.limit is not None:
        if args.limit < 0:
            raise InputError("--limit must be >= 0")
        n = min(n, args.limit)
    Ks = Ks[:n]
    gt_xyz_all = load_json(xyz_path, "ground-truth joints")
    gt_verts_all = load_json(verts_path, "ground-truth vertices")
    if not isinstance(gt_xyz_all, list) or len(gt_xyz_all) < n:
        raise InputError("%s: fewer entries than %s" % (xyz_path, k_path))
    if not isinstance(gt_verts_all, list) or len(gt_verts_all) < n:
        raise InputError("%s: fewer entries than %s" % (verts_path, k_path))
    gt_xyz = as_array(gt_xyz_all[:n], (21, 3), xyz_path, "joint list")
    gt_verts = as_array(gt_verts_all[:n], (V, 3), verts_path, "vertex list (hand model has %d vertices)" % V)
    del gt_xyz_all, gt_verts_all

    pred_data = {name: load_predictions(path, n, V, model.regressor) for name, path in preds}

    rgb_dir = os.path.join(ds, split, "rgb")
    mask_dir = os.path.join(ds, split, "mask")
    if n > 0:
        first = os.path.join(rgb_dir, "%08d.jpg" % 0)
        img = read_gray(first)
        H, W = img.shape
    else:
        W = H = R

    os.makedirs(args.out, exist_ok=True)

    pck = {name: {k: PckCounter(21 if k.endswith("_j") else V)
                  for k in ("auc_j", "pa_auc_j", "auc_v", "pa_auc_v")} for name, _ in preds}
    missing = {name: {"hand_hd95_missing": 0, "finger_hd95_missing": 0} for name, _ in preds}
    pooled = {name: {"hand": np.zeros((2, 2)), "finger": np.zeros((7, 2))} for name, _ in preds}
    rows = []

    for i in range(n):
        K = rescale_intrinsics(Ks[i], W, H, R)
        gt_labels = render_labels(gt_verts[i], model.faces, model.face_labels, K, R, R)
        mask_file = os.path.join(mask_dir, "%08d.jpg" % i)
        corrected = os.path.join(args.annotations, "mask", "%08d.png" % i) if args.annotations else None
        corrected_p = os.path.join(args.annotations, "parts", "%08d.png" % i) if args.annotations else None
        if corrected and os.path.isfile(corrected):
            gt_hand = corrected_hand(corrected, W, H, R)
            if os.path.isfile(corrected_p):
                gt_labels = corrected_parts(corrected_p, W, H, R)
        elif args.gt_mask in ("auto", "dataset") and os.path.isfile(mask_file):
            gt_hand = load_gt_mask(mask_file, R)
        else:
            gt_hand = gt_labels > 0
        gt_surfaces = {"hand": Surface(gt_hand)}
        for c, name in enumerate(PART_NAMES, start=1):
            gt_surfaces[name] = Surface(gt_labels == c)

        for name, _ in preds:
            p_xyz, p_verts = pred_data[name]
            pred_labels = render_labels(p_verts[i], model.faces, model.face_labels, K, R, R)
            row, hm, fm, _, pred_hand = evaluate_sample(gt_labels, gt_hand, pred_labels, gt_surfaces,
                                                        args.hd_mode, args.hd_empty)
            missing[name]["hand_hd95_missing"] += hm
            missing[name]["finger_hd95_missing"] += fm
            for c, (pm, gm) in enumerate([(~pred_hand, ~gt_hand), (pred_hand, gt_hand)]):
                pooled[name]["hand"][c] += (np.count_nonzero(pm & gm), np.count_nonzero(pm | gm))
            for c in range(7):
                pm, gm = pred_labels == c, gt_labels == c
                pooled[name]["finger"][c] += (np.count_nonzero(pm & gm), np.count_nonzero(pm | gm))

            gj, gv = gt_xyz[i], gt_verts[i]
            pj, pv = p_xyz[i], p_verts[i]
            pa_pj = align_w_scale(gj, pj)
            pa_pv = align_w_scale(gv, pv)
            ej, pa_ej = point_errors(gj, pj), point_errors(gj, pa_pj)
            ev, pa_ev = point_errors(gv, pv), point_errors(gv, pa_pv)
            row["mpjpe_mm"] = float(ej.mean()) * 1000.0
            row["pa_mpjpe_mm"] = float(pa_ej.mean()) * 1000.0
            row["mpvpe_mm"] = float(ev.mean()) * 1000.0
            row["pa_mpvpe_mm"] = float(pa_ev.mean()) * 1000.0
            row["f5"] = fscore(gv, pv, FSCORE_THRESHOLDS_M[0])
            row["f15"] = fscore(gv, pv, FSCORE_THRESHOLDS_M[1])
            row["pa_f5"] = fscore(gv, pa_pv, FSCORE_THRESHOLDS_M[0])
            row["pa_f15"] = fscore(gv, pa_pv, FSCORE_THRESHOLDS_M[1])
            pck[name]["auc_j"].feed(ej)
            pck[name]["pa_auc_j"].feed(pa_ej)
            pck[name]["auc_v"].feed(ev)
            pck[name]["pa_auc_v"].feed(pa_ev)
            row["sample"] = "%08d" % i
            row["pred"] = name
            rows.append(row)

        if args.progress and (i + 1 == n or (i + 1) % max(1, n // 100) == 0):
            sys.stderr.write("\r%d/%d samples" % (i + 1, n))
            sys.stderr.flush()
    if args.progress:
        sys.stderr.write("\n")

    lines = [",".join(CSV_COLUMNS)]
    for row in rows:
        lines.append(",".join(fmt(row[c]) for c in CSV_COLUMNS))
    write_atomic(os.path.join(args.out, "per_sample.csv"), "\n".join(lines) + "\n")

    summary_preds = {}
    for name, path in preds:
        own = [r for r in rows if r["pred"] == name]
        entry = {"file": os.path.abspath(path), "samples": len(own)}
        for c in VALUE_COLUMNS:
            entry[c] = nanmean([r[c] for r in own])
        entry.update(missing[name])
        for k, counter in pck[name].items():
            entry[k] = counter.auc()
        pool = {}
        for level, names in (("hand", HAND_CLASSES), ("finger", FINGER_CLASSES)):
            acc = pooled[name][level]
            pool[level] = {cls: (acc[c, 0] / acc[c, 1] if acc[c, 1] > 0 else math.nan)
                           for c, cls in enumerate(names)}
        entry["pooled_iou"] = pool
        summary_preds[name] = entry

    summary = {
        "format": "handalign.reference_summary",
        "version": 1,
        "tool": "tools/reference/handalign_reference.py (NumPy/SciPy reference of docs/metrics.md)",
        "dataset": os.path.abspath(ds),
        "split": split,
        "samples": n,
        "image_size": [W, H],
        "hand_model": {"file": os.path.abspath(model_path), "name": model.name, "vertex_count": V},
        "conventions": {
            "resolution": R,
            "hd_mode": args.hd_mode,
            "hd_empty": args.hd_empty,
            "hd_percentile": "95th, linear interpolation (numpy.percentile default)",
            "boundary": "4-neighbour; image border counts as outside",
            "gt_hand_mask": ("dataset mask >= 128 where present, else rendered GT mesh"
                             if args.gt_mask in ("auto", "dataset") else "rendered GT mesh"),
            "iou_average": "per-image mean ignoring NaN (pooled_iou: dataset-level)",
            "finger_miou": "NaN-mean over background + 6 parts; finger_miou_fg over the 6 parts",
            "procrustes": "FreiHAND align_w_scale (scale, no reflection fix)",
            "fscore_thresholds_mm": [5, 15],
            "auc_thresholds_m": "numpy.linspace(0, 0.05, 100), d <= t, trapezoid / trapz(ones)",
        },
        "preds": summary_preds,
    }
    write_atomic(os.path.join(args.out, "summary.json"),
                 json.dumps(json_safe(summary), indent=2, allow_nan=False) + "\n")


def run_metrics(args):
    pred = read_gray(args.pred)
    gt = read_gray(args.gt)
    result = mask_metrics(pred, gt, args.hd_mode, args.hd_empty)
    print(json.dumps(json_safe(result), allow_nan=False))


def build_parser():
    ap = argparse.ArgumentParser(description="NumPy/SciPy reference of docs/metrics.md")
    sub = ap.add_subparsers(dest="command", required=True)

    def hd_options(p):
        p.add_argument("--hd-mode", choices=("max", "pooled"), default="max")
        p.add_argument("--hd-empty", choices=("nan", "diagonal"), default="nan")

    m = sub.add_parser("metrics", help="IoU / HD95 of two PNG masks or label images")
    m.add_argument("pred")
    m.add_argument("gt")
    hd_options(m)

    e = sub.add_parser("eval", help="evaluate predictions on a FreiHAND-layout dataset")
    e.add_argument("--dataset", required=True)
    e.add_argument("--split", default="training")
    e.add_argument("--hand-model")
    e.add_argument("--pred", action="append", required=True, metavar="NAME=FILE")
    e.add_argument("--out", required=True)
    e.add_argument("--resolution", type=int, default=224)
    e.add_argument("--gt-mask", choices=("auto", "dataset", "mesh"), default="auto")
    e.add_argument("--limit", type=int)
    e.add_argument("--progress", action="store_true")
    e.add_argument("--annotations", help="corrected masks: DIR/mask/%%08d.png, DIR/parts/%%08d.png")
    hd_options(e)
    return ap


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        if args.command == "metrics":
            run_metrics(args)
        else:
            run_eval(args)
    except InputError as e:
        sys.stderr.write("error: %s\n" % e)
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted; nothing written\n")
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
