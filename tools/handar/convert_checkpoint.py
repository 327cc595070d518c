#!/usr/bin/python3
"""Turns an official HandAR snapshot (snapshot_*.pth.tar) into the flat weights file that the C++
network (core/inference/net) loads without Python, and optionally exports a TorchScript module of
the same network (tools/handar/model.py) with those weights.

  /usr/bin/python3 tools/handar/convert_checkpoint.py snapshot_24.pth.tar --out handar.pt \
      [--export-torchscript handar_ts.pt --hand-model mano_right.json] \
      [--with-joints] [--with-segmentation] [--drop GROUP ...]

Accepted inputs: a dict of per-group state dicts (pose_backbone, posenet, ...), a {'network':
state_dict, 'epoch': ..., ...} training snapshot, or an already flat {key: tensor} file; DataParallel
"module." prefixes anywhere and the attribute name "pose_net" (= group "posenet") are handled.
Groups the network does not have but training code keeps in the model (param_regressor, a MANO
layer's buffers) are dropped with a note; other foreign entries are an error (or use --drop).
Output: a flat {official key: float32 tensor} dict written with torch.save (zip format), written to
a temporary file and renamed. Errors: one line naming the file and the problem, exit status 1.

The official network works in MANO's vertex order (its Graph-CNN edges come from the MANO layer's
th_faces): give the hand model that tools/mano_to_handmodel.py makes from MANO_RIGHT.pkl. The
release's model/hand.obj is the demo's renumbered render mesh, not the network's order; --obj is
only for a network trained on that mesh's order.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402

import model as handar  # noqa: E402

# Entries of a training snapshot that are not network weights.
NOT_WEIGHTS = {"epoch", "optimizer", "scheduler", "amp", "iteration", "iter", "lr"}
# Modules the release's training model holds besides the eight groups; never part of the network.
UNUSED_GROUPS = {"param_regressor", "human_model_layer", "mano_layer"}


class ConversionError(Exception):
    def __init__(self, path, problem):
        super().__init__("%s: %s" % (path, problem))


def canonical_key(key):
    parts = [p for p in key.split(".") if p != "module"]
    if parts and parts[0] == "pose_net":
        parts[0] = "posenet"
    return ".".join(parts)


def listed(keys, shown=4):
    keys = sorted(keys)
    text = ", ".join(keys[:shown])
    return text + (", ... and %d more" % (len(keys) - shown) if len(keys) > shown else "")


def flatten(snapshot, path, drop=()):
    """Flat {canonical key: tensor} and the notes on what was left out."""
    if not isinstance(snapshot, dict):
        raise ConversionError(path, "holds a %s, not a dict of weights" % type(snapshot).__name__)
    notes = []
    if isinstance(snapshot.get("network"), dict):
        left = sorted(k for k in snapshot if k != "network")
        if left:
            notes.append("ignored training entries: " + ", ".join(map(str, left)))
        snapshot = snapshot["network"]
    flat = {}

    def walk(prefix, entries):
        for name, value in entries.items():
            key = prefix + str(name)
            if not prefix and str(name) in NOT_WEIGHTS:
                notes.append("ignored training entry: %s" % name)
            elif torch.is_tensor(value):
                flat[key] = value
            elif isinstance(value, dict):
                walk(key + ".", value)
            else:
                raise ConversionError(path, "%s holds a %s, not a tensor" % (key, type(value).__name__))

    walk("", snapshot)
    weights, dropped = {}, {}
    for key, tensor in flat.items():
        name = canonical_key(key)
        group = name.split(".")[0]
        if group in UNUSED_GROUPS or group in drop:
            dropped[group] = dropped.get(group, 0) + 1
            continue
        if name in weights:
            raise ConversionError(path, "%s appears twice (with and without a module. prefix?)" % name)
        weights[name] = tensor
    for group, count in sorted(dropped.items()):
        notes.append("dropped %d tensors of %s (not part of the network)" % (count, group))
    foreign = {k for k in weights if k.split(".")[0] not in handar.GROUPS}
    if foreign:
        raise ConversionError(path, "entries outside the network's groups (%s): %s; use --drop GROUP "
                              "if they are not weights of the network" %
                              (", ".join(handar.GROUPS), listed(foreign)))
    return weights, notes


def has_default(key):
    return key.endswith(".num_batches_tracked") or (key.startswith("gcn.") and key.endswith(".eps"))


def build_model(weights, path, **options):
    """model.py's network with exactly these weights; checks names and shapes first."""
    try:
        config = handar.config_from_state_dict(weights)
    except KeyError as e:
        raise ConversionError(path, "not HandAR weights: no %s" % e.args[0])
    except (ValueError, IndexError) as e:
        raise ConversionError(path, "weights of another architecture: %s" % e)
    net = handar.HandArNet(**config, **options)
    expected = net.state_dict()
    missing = [k for k in expected if k not in weights and not has_default(k)]
    unexpected = [k for k in weights if k not in expected]
    if missing:
        raise ConversionError(path, "not weights of this network: %d missing (%s)" % (len(missing), listed(missing)))
    if unexpected:
        raise ConversionError(path, "not weights of this network: %d unexpected (%s)" %
                              (len(unexpected), listed(unexpected)))
    for key, target in expected.items():
        if key in weights and tuple(weights[key].shape) != tuple(target.shape):
            raise ConversionError(path, "weights of another architecture: %s is %s, expected %s" % (
                key, "x".join(map(str, weights[key].shape)) or "a scalar",
                "x".join(map(str, target.shape)) or "a scalar"))
        if key in weights and target.is_floating_point():
            if not torch.isfinite(weights[key].float()).all():
                raise ConversionError(path, "%s holds NaN or infinite values" % key)
    net.load_state_dict({k: v for k, v in weights.items()}, strict=False)
    return net.eval(), config


def flat_state(net):
    state = {}
    for key, tensor in net.state_dict().items():
        tensor = tensor.detach().cpu()
        state[key] = (tensor.float() if tensor.is_floating_point() else tensor).contiguous().clone()
    return state


def faces_from(hand_model=None, obj=None):
    if hand_model:
        with open(hand_model) as f:
            return json.load(f)["faces"]
    faces = []
    with open(obj) as f:
        for line in f:
            if line.startswith("f "):
                corners = [int(token.split("/")[0]) - 1 for token in line.split()[1:]]
                faces += [[corners[0], corners[i], corners[i + 1]] for i in range(1, len(corners) - 1)]
    return faces


def save_atomically(save, target):
    temporary = "%s.tmp%d" % (target, os.getpid())
    try:
        save(temporary)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def export_torchscript(net, config, target):
    size = config["input_size"]
    example = torch.rand(1, 3, size, size, generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        traced = torch.jit.trace(net, example, check_trace=False)
    save_atomically(lambda p: torch.jit.save(traced, p), target)


def load(path):
    if not os.path.isfile(path):
        raise ConversionError(path, "no such file")
    try:
        return torch.load(path, map_location="cpu")
    except Exception as e:  # torch.load raises many kinds
        raise ConversionError(path, "not a PyTorch checkpoint (%s)" % str(e).splitlines()[0])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("snapshot", help="official snapshot_*.pth.tar (or a flat weights file)")
    parser.add_argument("--out", help="flat weights file for the C++ network")
    parser.add_argument("--export-torchscript", metavar="FILE", help="also write a TorchScript module")
    topology = parser.add_mutually_exclusive_group()
    topology.add_argument("--hand-model", help="hand-model JSON whose faces give the Graph-CNN edges "
                          "(for the official checkpoint: mano_to_handmodel.py's, MANO's order)")
    topology.add_argument("--obj", help="OBJ mesh giving the faces, only for a network trained in "
                          "that mesh's vertex order (not the release's hand.obj, a render mesh)")
    parser.add_argument("--with-joints", action="store_true", help="TorchScript: also return joints")
    parser.add_argument("--with-segmentation", action="store_true",
                        help="TorchScript: also return the segmentation log-probabilities")
    parser.add_argument("--drop", action="append", default=[], metavar="GROUP",
                        help="leave out a foreign top-level group")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if not args.out and not args.export_torchscript:
        parser.error("nothing to do: give --out and/or --export-torchscript")
    if args.export_torchscript and not (args.hand_model or args.obj):
        parser.error("--export-torchscript needs the mesh faces: --hand-model or --obj")
    try:
        edges = []
        if args.export_torchscript:
            source = args.hand_model or args.obj
            try:
                edges = handar.mesh_edges(faces_from(args.hand_model, args.obj))
            except (OSError, ValueError, KeyError, IndexError, TypeError) as e:
                raise ConversionError(source, "cannot read the faces (%s)" % e)
        weights, notes = flatten(load(args.snapshot), args.snapshot, set(args.drop))
        net, config = build_model(weights, args.snapshot, edges=edges,
                                  run_joint_head=args.with_joints,
                                  run_segmentation=args.with_segmentation)
        if edges and max(max(e) for e in edges) >= config["vertex_count"]:
            raise ConversionError(source, "the weights are for %d vertices, but the faces reach "
                                  "vertex %d (a mesh of another topology?)"
                                  % (config["vertex_count"], max(max(e) for e in edges)))
        if args.out:
            state = flat_state(net)
            save_atomically(lambda p: torch.save(state, p), args.out)
        if args.export_torchscript:
            export_torchscript(net, config, args.export_torchscript)
    except ConversionError as e:
        print("convert_checkpoint.py: %s" % e, file=sys.stderr)
        return 1
    if not args.quiet:
        for note in notes:
            print("note: " + note)
        print("network: %(vertex_count)d vertices, %(joint_count)d joints, %(input_size)d px input, "
              "width %(width)d, %(segmentation_classes)d segmentation classes" % config)
        print("%d tensors, %.1f M parameters" % (len(net.state_dict()),
                                                  sum(p.numel() for p in net.parameters()) / 1e6))
    return 0


if __name__ == "__main__":
    sys.exit(main())
