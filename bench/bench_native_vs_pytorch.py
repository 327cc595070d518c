#!/usr/bin/python3
"""The native network (C++, bench_native_forward) against the PyTorch forward of the same weights
(tools/handar/model.py, the release's network op by op; the release itself needs torch_geometric,
which Debian does not package), in one run. Official sizes: 256² input, 64 bins, ResNet-50 ×2,
778 vertices (the Graph-CNN on a synthetic MANO-like mesh's edges), random weights, branches cut.

  /usr/bin/python3 bench/bench_native_vs_pytorch.py BUILD_DIR [--iterations N] [--iterations32 M]

PyTorch runs as the release's test does (torch.no_grad(), the interpreter's default threads and
BLAS threads) and also with the C++ side's thread policy (threads = cores, OpenBLAS at one
thread), each in a fresh process so the environment applies. Prints a Markdown table with ratios.
"""

import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
PYTORCH = r"""
import sys, time, torch
sys.path.insert(0, %(tools)r)
import model as handar, convert_checkpoint as convert
threads, batch, iterations = %(threads)d, %(batch)d, %(iterations)d
if threads: torch.set_num_threads(threads)
net = handar.HandArNet(**handar.config_from_state_dict(torch.load(%(weights)r)),
                       edges=handar.mesh_edges(__import__("json").load(open(%(hand)r))["faces"]))
net.load_state_dict(torch.load(%(weights)r), strict=False)
net.eval()
torch.manual_seed(1)
x = torch.rand(batch, 3, 256, 256)
with torch.no_grad():
    net(x)
    times = []
    for _ in range(iterations):
        t0 = time.perf_counter(); net(x); times.append((time.perf_counter() - t0) * 1000)
print("batch %%d threads %%d best_ms %%.1f mean_ms %%.1f" %% (batch, torch.get_num_threads(),
      min(times), sum(times) / len(times)))
"""


def parse(line):
    f = line.split()
    return {"threads": int(f[3]), "best": float(f[5]), "mean": float(f[7])}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("build")
    p.add_argument("--iterations", type=int, default=10)
    p.add_argument("--iterations32", type=int, default=2)
    a = p.parse_args()
    native = os.path.join(a.build, "bin", "bench_native_forward")
    tools = os.path.join(ROOT, "tools", "handar")
    with tempfile.TemporaryDirectory() as tmp:
        sys.path[:0] = [os.path.join(ROOT, "tests", "tools"), os.path.join(ROOT, "tools"), tools]
        import torch
        from test_mano_converter import make_fake_mano
        import mano_to_handmodel
        import model as handar
        import convert_checkpoint as convert
        pkl, hand = os.path.join(tmp, "MANO_RIGHT.pkl"), os.path.join(tmp, "mano.json")
        make_fake_mano(pkl)
        assert mano_to_handmodel.main([pkl, "--out", hand, "--name", "mano-right"]) == 0
        torch.manual_seed(0)
        weights = os.path.join(tmp, "handar.pt")
        torch.save(convert.flat_state(handar.HandArNet().eval()), weights)
        cores = os.cpu_count()

        def cpp(batch, iterations, plain):
            env = dict(os.environ)
            if plain:
                env["HANDALIGN_NO_PREPARE"] = "1"
            return parse(subprocess.run([native, weights, hand, str(batch), str(iterations)],
                                        env=env, check=True, capture_output=True,
                                        text=True).stdout)
        rows = []
        for batch, iterations in ((1, a.iterations), (32, a.iterations32)):
            def python(threads, blas):
                env = dict(os.environ)
                if blas:
                    env["OPENBLAS_NUM_THREADS"] = blas
                code = PYTORCH % dict(tools=tools, threads=threads, batch=batch,
                                      iterations=iterations, weights=weights, hand=hand)
                return parse(subprocess.run([sys.executable, "-c", code], env=env, check=True,
                                            capture_output=True, text=True).stdout)
            runs = [("PyTorch, its defaults (as the release's test)", python(0, None)),
                    ("PyTorch, threads = cores, OpenBLAS 1 thread", python(cores, "1")),
                    ("native C++, not prepared (HANDALIGN_NO_PREPARE)", cpp(batch, iterations, True)),
                    ("native C++ (`handalign infer`: batch norms folded, deconvolutions split)",
                     cpp(batch, iterations, False))]
            reference = runs[0][1]["best"]
            for name, r in runs:
                rows.append("| %d | %s | %d | %.1f | %.1f | %.1f | %.2f× |" % (
                    batch, name, r["threads"], r["best"], r["mean"], r["best"] / batch,
                    reference / r["best"]))
    print("%d cores; iterations: %d at batch 1, %d at batch 32 (after 1 warm-up each)\n" %
          (cores, a.iterations, a.iterations32))
    print("| batch | forward | threads | best (ms) | mean (ms) | ms / image | speed-up vs PyTorch defaults |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
