"""Inference-runner benchmark helpers (bench/run_benchmarks.sh, docs/benchmarks.md).

  bench_infer.py make --out DIR --hand-model FILE [--model resnet18|handar]
      writes DIR/model.pt (TorchScript, random weights) and DIR/model.json (its manifest)
  bench_infer.py forward --model DIR/model.pt --batch B --count N --threads T --repeat R
      prints the best of R timings of the bare forward passes over N samples in batches of B, on
      inputs made before the clock starts (wall seconds, then process CPU seconds): what the C++
      runner's overhead is measured against.

"make" also writes DIR/null.pt and DIR/null.json: a network that does nothing (it returns a
constant mesh of the same shape), so the runner's own cost (read, crop, normalise, decode, write)
can be timed on its own.

Models: "resnet18" is torchvision's ResNet-18 layout (written out here: no torchvision) on a 256²
crop with a head that regresses the rough mesh in the lixel frame and a refined mesh = rough +
offsets; "handar" is tools/handar/model.py at the official size (slow on a CPU).
Run with /usr/bin/python3 (Debian's python3-torch).
"""

import argparse
import json
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class BasicBlock(nn.Module):
    def __init__(self, inplanes, planes, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.down = None
        if stride != 1 or inplanes != planes:
            self.down = nn.Sequential(nn.Conv2d(inplanes, planes, 1, stride, bias=False),
                                      nn.BatchNorm2d(planes))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return F.relu(y + (x if self.down is None else self.down(x)))


class ResNet18Lixel(nn.Module):
    def __init__(self, vertices, bins=64):
        super().__init__()
        self.vertices, self.bins = vertices, bins
        self.stem = nn.Sequential(nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64),
                                  nn.ReLU(inplace=True), nn.MaxPool2d(3, 2, 1))
        layers, inplanes = [], 64
        for planes, stride in ((64, 1), (128, 2), (256, 2), (512, 2)):
            layers += [BasicBlock(inplanes, planes, stride), BasicBlock(planes, planes, 1)]
            inplanes = planes
        self.layers = nn.Sequential(*layers)
        self.rough = nn.Linear(512, vertices * 3)
        self.offsets = nn.Linear(512, vertices * 3)

    def forward(self, x):
        f = self.layers(self.stem(x)).mean((2, 3))
        rough = torch.sigmoid(self.rough(f)).view(-1, self.vertices, 3) * self.bins
        refined = rough + 0.5 * torch.tanh(self.offsets(f)).view(-1, self.vertices, 3)
        return rough, refined


class NullNet(nn.Module):
    def __init__(self, vertices, bins=64):
        super().__init__()
        self.register_buffer("mesh", torch.full((1, vertices, 3), bins / 2.0))

    def forward(self, x):
        mesh = self.mesh.expand(x.shape[0], -1, -1)
        return mesh, mesh + 0.5


def make(args):
    with open(args.hand_model) as f:
        hand = json.load(f)
    torch.manual_seed(0)
    if args.model == "handar":
        sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tools", "handar"))
        import model as handar
        net = handar.HandArNet(vertex_count=hand["vertex_count"],
                               edges=handar.mesh_edges(hand["faces"])).eval()
        with torch.no_grad():
            module = torch.jit.trace(net, torch.rand(1, 3, 256, 256), check_trace=False)
    else:
        module = torch.jit.script(ResNet18Lixel(hand["vertex_count"]).eval())
    os.makedirs(args.out, exist_ok=True)
    module.save(os.path.join(args.out, "model.pt"))
    manifest = {
        "format": "handalign.model", "version": 1, "name": "bench-" + args.model,
        "checkpoint": "model.pt",
        "hand_model": {"name": hand["name"], "vertex_count": hand["vertex_count"]},
        "input": {"size": 256, "channels": "rgb", "scale": 1 / 255},
        "crop": {"source": "mask", "enlarge": 1.25},
        "outputs": {"rough": 0, "refined": 1},
        "coordinates": {"frame": "lixel", "bins": 64, "depth_box": 0.3,
                        "root_depth": {"source": "gt", "joint": 0}},
    }
    with open(os.path.join(args.out, "model.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    torch.jit.script(NullNet(hand["vertex_count"]).eval()).save(os.path.join(args.out, "null.pt"))
    manifest.update(name="bench-null", checkpoint="null.pt")
    with open(os.path.join(args.out, "null.json"), "w") as f:
        json.dump(manifest, f, indent=2)


def forward(args):
    torch.set_num_threads(args.threads)
    module = torch.jit.load(args.model, map_location=args.device)
    generator = torch.Generator().manual_seed(0)
    batches = [torch.rand(min(args.batch, args.count - b), 3, 256, 256, generator=generator)
               .to(args.device) for b in range(0, args.count, args.batch)]
    sync = torch.cuda.synchronize if args.device == "cuda" else (lambda: None)
    wall = cpu = float("inf")
    with torch.inference_mode():
        for _ in range(3):  # warm-up: the profiling executor optimises the graph on early calls
            module(batches[0])
        for _ in range(args.repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            for x in batches:
                module(x)
            sync()
            wall = min(wall, time.perf_counter() - start)
            cpu = min(cpu, time.process_time() - start_cpu)
    print("%.4f %.4f" % (wall, cpu))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("make")
    m.add_argument("--out", required=True)
    m.add_argument("--hand-model", required=True)
    m.add_argument("--model", choices=("resnet18", "handar"), default="resnet18")
    f = sub.add_parser("forward")
    f.add_argument("--model", required=True)
    for name, default in (("batch", 8), ("count", 64), ("threads", 2), ("repeat", 3)):
        f.add_argument("--" + name, type=int, default=default)
    f.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    args = parser.parse_args()
    make(args) if args.command == "make" else forward(args)


if __name__ == "__main__":
    main()
