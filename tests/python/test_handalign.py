"""`import handalign` against the CLI on a synthetic dataset: evaluate and read_results equal
per_sample.csv and totals.json exactly; mask_metrics, render and mesh_metrics give the evaluator's
per-sample numbers; batches equal single calls; bad input raises the right exception, naming it."""

import math

import numpy as np
import pytest

import handalign
from conftest import cli, load_json, read_csv, same


def columns_equal(per_sample, rows):
    keys = [k for k in rows[0] if k not in ("sample", "pred")]
    assert list(per_sample["sample"]) == [r["sample"] for r in rows]
    assert list(per_sample["pred"]) == [r["pred"] for r in rows]
    for k in keys:
        got = np.asarray(per_sample[k], dtype=float)
        want = [float(r[k]) if r[k] != "nan" else math.nan for r in rows]
        for i, (a, b) in enumerate(zip(got, want)):
            assert same(a, b), f"{k} of row {i}: {a} != {b}"


def test_evaluate_equals_the_cli(dataset, cli_eval):
    r = handalign.evaluate(dataset, {"rough": dataset / "pred_rough.json",
                                     "refined": dataset / "pred_refined.json"},
                           refines={"refined": "rough"})
    columns_equal(r["per_sample"], read_csv(cli_eval / "per_sample.csv"))
    assert r["totals_json"] == (cli_eval / "totals.json").read_text()
    assert set(r["summary"]) == {"rough", "refined"}
    for p in load_json(cli_eval / "summary.json")["predictions"]:
        mine = r["summary"][p["name"]]
        assert mine["samples"] == p["samples"] == 12
        for key, value in p["auc"].items():
            assert mine[key] == value, key
        for key, value in p["mean"].items():
            assert same(mine[key], math.nan if value is None else value), key
    assert r["conventions"] == {"resolution": 224, "hd_mode": "max", "hd_empty": "nan"}


def test_read_results_equals_evaluate(dataset, cli_eval):
    r = handalign.read_results(cli_eval)
    columns_equal(r["per_sample"], read_csv(cli_eval / "per_sample.csv"))
    assert r["totals_json"] == (cli_eval / "totals.json").read_text()


def freihand_arrays(dataset):
    gt_verts = np.array(load_json(dataset / "training_verts.json"))
    gt_xyz = np.array(load_json(dataset / "training_xyz.json"))
    K = np.array(load_json(dataset / "training_K.json"))
    pred_xyz, pred_verts = (np.array(a) for a in load_json(dataset / "pred_rough.json"))
    return gt_verts, gt_xyz, K, pred_xyz, pred_verts


def test_render_and_mask_metrics_give_the_evaluators_numbers(dataset, tmp_path):
    # Against the mesh-rendered GT (--gt-mask mesh) both levels come from two renders.
    out = tmp_path / "mesh-gt"
    cli("eval", "--dataset", dataset, "--pred", f"rough={dataset / 'pred_rough.json'}",
        "--gt-mask", "mesh", "--out", out, "--quiet")
    rows = read_csv(out / "per_sample.csv")
    model = handalign.HandModel.load(dataset / "hand_model.json")
    gt_verts, _, K, _, pred_verts = freihand_arrays(dataset)
    preds, gts = [], []
    for i in range(12):
        # synth images are 224 px: K as stored
        preds.append(handalign.render(pred_verts[i], model.faces, K[i], 224,
                                      parts=model.face_labels))
        gts.append(handalign.render(gt_verts[i], model.faces, K[i], 224,
                                    parts=model.face_labels))
    batch = handalign.mask_metrics(np.stack(preds), np.stack(gts), labels=True)
    for key, values in batch.items():
        for i in range(12):
            assert same(values[i], float(rows[i][key])), f"{key} of sample {i}"
            single = handalign.mask_metrics(preds[i], gts[i], labels=True)[key]
            assert same(single, values[i]), f"{key}: batch and single differ at {i}"
    assert set(batch) >= {"hand_iou", "hand_miou", "hand_hd95", "finger_miou", "iou_thumb"}
    hand_only = handalign.mask_metrics(preds[0] > 0, gts[0] > 0)
    assert set(hand_only) == {"hand_iou", "hand_miou", "hand_hd95"}
    assert same(hand_only["hand_iou"], float(rows[0]["hand_iou"]))
    assert preds[0].dtype == np.uint8 and preds[0].shape == (224, 224)
    plain = handalign.render(pred_verts[0], model.faces, K[0], (224, 112))
    assert plain.shape == (112, 224) and set(np.unique(plain)) <= {0, 1}


def test_mesh_metrics_give_the_evaluators_numbers(dataset, cli_eval):
    rows = [r for r in read_csv(cli_eval / "per_sample.csv") if r["pred"] == "rough"]
    gt_verts, gt_xyz, _, pred_xyz, pred_verts = freihand_arrays(dataset)
    batch = handalign.mesh_metrics(pred_xyz, pred_verts, gt_xyz, gt_verts)
    for key in ("mpjpe_mm", "pa_mpjpe_mm", "mpvpe_mm", "pa_mpvpe_mm", "f5", "f15", "pa_f5",
                "pa_f15"):
        for i in range(12):
            assert same(batch[key][i], float(rows[i][key])), f"{key} of sample {i}"
    single = handalign.mesh_metrics(pred_xyz[3], pred_verts[3], gt_xyz[3], gt_verts[3])
    assert single["pa_mpvpe_mm"] == batch["pa_mpvpe_mm"][3]
    auc = next(p for p in load_json(cli_eval / "summary.json")["predictions"]
               if p["name"] == "rough")["auc"]
    for key in ("auc_j", "pa_auc_j", "auc_v", "pa_auc_v"):
        assert batch[key] == auc[key], key  # the CLI's AUCs of the same 12 samples


def test_hand_model(dataset):
    model = handalign.HandModel.load(dataset / "hand_model.json")
    gt_verts = np.array(load_json(dataset / "training_verts.json"))
    assert model.vertex_count == gt_verts.shape[1]
    assert model.faces.shape[1] == 3 and model.face_labels.shape == (model.faces.shape[0],)
    assert model.regress_joints(gt_verts[0]).shape == (21, 3)


def test_edge_cases_of_batches_and_sizes(dataset):
    empty = handalign.mask_metrics(np.zeros((0, 8, 8), bool), np.zeros((0, 8, 8), bool))
    assert empty["hand_iou"].shape == (0,)
    one = np.zeros((1, 8, 8), np.uint8)
    assert math.isnan(handalign.mask_metrics(one, one)["hand_iou"][0])  # no hand in either
    model = handalign.HandModel.load(dataset / "hand_model.json")
    gt_verts, _, K, _, _ = freihand_arrays(dataset)
    a = handalign.render(gt_verts[0], model.faces, K[0], np.int64(224))
    assert a.shape == (224, 224)
    with pytest.raises(TypeError, match="size"):
        handalign.render(gt_verts[0], model.faces, K[0], 224.0)


def test_bad_input_names_the_problem(dataset, tmp_path):
    a = np.zeros((8, 8), np.uint8)
    with pytest.raises(ValueError, match="shape"):
        handalign.mask_metrics(a, np.zeros((8, 9), np.uint8))
    with pytest.raises(TypeError, match="float"):
        handalign.mask_metrics(a.astype(np.float32), a)
    with pytest.raises(ValueError, match="0..6"):
        handalign.mask_metrics(a + 7, a, labels=True)
    with pytest.raises(ValueError, match="hd_mode"):
        handalign.mask_metrics(a, a, hd_mode="mean")
    with pytest.raises(ValueError, match="N×H×W"):
        handalign.mask_metrics(a[0], a[0])
    with pytest.raises(ValueError, match="refers to vertex 9"):
        handalign.render(np.ones((3, 3)), [[0, 1, 9]], np.eye(3), 16)
    with pytest.raises(ValueError, match="3×3"):
        handalign.render(np.ones((3, 3)), [[0, 1, 2]], np.eye(2), 16)
    with pytest.raises(ValueError, match="21"):
        handalign.mesh_metrics(np.zeros((20, 3)), np.zeros((5, 3)), np.zeros((21, 3)),
                               np.zeros((5, 3)))
    missing = tmp_path / "nowhere"
    with pytest.raises(FileNotFoundError, match="nowhere"):
        handalign.evaluate(missing, {"x": missing / "p.json"})
    with pytest.raises(FileNotFoundError, match="p.json"):
        handalign.evaluate(dataset, {"x": tmp_path / "p.json"})
    bad = tmp_path / "bad.json"
    bad.write_text("[[1, 2")
    with pytest.raises(ValueError, match="bad.json"):
        handalign.evaluate(dataset, {"x": bad})
    with pytest.raises(ValueError, match="totals.json"):
        handalign.read_results(tmp_path)
