// handalign: evaluation engine on the command line.
#include "Args.h"
#include "Commands.h"
#include "Terminal.h"

#include "dataset/PluginRegistry.h"
#include "util/Cancellation.h"
#include "util/Error.h"

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace {

struct CommandHelp {
  const char* name;
  const char* text;  // synopsis and description, indented as in the overview
};

// One entry per command: `handalign --help` prints them all, `handalign CMD --help` its own.
const CommandHelp kCommands[] = {
    {"eval",
     R"(eval     --dataset DIR --pred NAME=FILE [--pred ...] --out DIR [--refines REFINED=ROUGH]
           [--split S] [--dataset-format ID] [--hand-model FILE] [--resolution R] [--threads N]
           [--hd-mode max|pooled] [--hd-empty nan|diagonal] [--gt-mask dataset|mesh] [--limit N]
           [--shard K/N] [--quiet] [--annotations DIR] [--format text|json]
           Evaluate prediction files (FreiHAND pred.json format) against a dataset split; writes
           per_sample.csv, summary.json, totals.json, table.csv, table.md, table.tex. NAME is
           yours (e.g. baseline, ours); --refines ours=baseline declares that prediction `ours`
           is `baseline` plus refinement offsets (its role is recorded in summary.json).
           With --annotations, DIR/mask/<id>.png (and DIR/parts/<id>.png) replace the ground
           truth wherever they exist. --format json prints summary.json on stdout instead of
           the table (for scripts); errors and progress go to stderr.
)"},
    {"metrics", R"(metrics  PRED GT [--hd-mode max|pooled] [--hd-empty nan|diagonal]
           IoU and HD95 of two masks (PNG or JPEG, 8-bit; label images 0..6, or binary where a
           value >= 128 is the hand, as dataset masks are read), as JSON.
)"},
    {"synth", R"(synth    --out DIR --count N [--seed S] [--size PX]
           Write a synthetic FreiHAND-layout dataset with rough and refined predictions.
)"},
    {"merge", R"(merge    --out DIR SHARD_DIR [SHARD_DIR ...]
           Join the outputs of `eval --shard K/N` runs, or of `infer --shard K/N` runs, into the
           files one run writes, after checking the shards are one complete run.
)"},
    {"slurm",
     R"(slurm    eval|infer --shards N --out DIR [--partition P] [--time T] [--mem M] [--gres G]
           [--cpus-per-task C] [--dry-run] OPTIONS OF eval OR infer
           Run eval or infer on a Slurm cluster: writes DIR/slurm/shard.sbatch (an array job,
           one task per shard, into DIR/shards/K) and DIR/slurm/merge.sbatch (joins them into
           DIR/merged once every task has ended, refusing a missing or incomplete shard by
           name), submits both with sbatch and records the jobs in DIR/slurm/jobs.json.
  slurm status DIR
           Each shard's state (pending, running with progress, done, failed, cancelled) and
           the merge's.
  slurm resubmit DIR [--dry-run]
           Submit the shards that did not finish again, and a merge after them.
)"},
    {"figure", R"(figure   --dataset DIR --pred NAME=FILE [--pred ...] --out FILE.{png,svg,pdf}
           (--samples ID|INDEX,... | --worst N --by METRIC --of PRED) [--refines REFINED=ROUGH]
           [--width column|text|INCHES] [--dpi N] [--split S] [--dataset-format ID] [--hand-model FILE]
           [--resolution R] [--quiet]
           A comparison grid (input | each prediction | GT | 3D) with FILE.json provenance beside
           it (built with the GUI only). A sample is named by its id or its dataset index.
)"},
    {"annotations",
     R"(annotations export --project FILE --dataset DIR --out DIR [--split S] [--dataset-format ID]
           [--annotations DIR] [--overwrite] [--quiet]
           Write the corrected masks in FreiHAND's layout (mask/%08d.png, parts/%08d.png) with
           review.csv and provenance.json, all or nothing.
  annotations check --dataset DIR (--project FILE | --annotations DIR) [--split S] [--dataset-format ID]
           List the files of an annotation folder that are not usable corrections.
)"},
    {"infer",
     R"(infer    --model FILE --dataset DIR --out DIR [--split S] [--dataset-format ID] [--hand-model FILE]
           [--device auto|cpu|cuda] [--batch N] [--half] [--threads N] [--limit N] [--segmentation]
           [--shard K/N] [--quiet]
           Run a model (a checkpoint and its manifest, docs/models.md) on every sample; writes
           pred_rough.json and pred_refined.json (FreiHAND format, camera frame, metres) and
           infer.json (provenance and the roles: refined refines rough) for `eval` (only in
           builds with LibTorch). --segmentation also writes the model's segmentation output
           (the model must have one; slower) as segmentation-<run>/<id>.png hand masks (and
           segmentation_parts-<run>/<id>.png part labels for a 7-class output), which the studio's
           mask editor offers as a proposal. --shard K/N runs samples K, K+N, ... only; `merge`
           joins the shards.
)"},
    {"plugins", R"(plugins  List the dataset-format plugins found and where they were searched for.
)"},
};

const char* kTail =
    "\nConventions and definitions: docs/metrics.md. Results go to stdout and files, errors and\n"
    "progress to stderr (the progress bar only on a terminal, never with CI or TERM=dumb; no\n"
    "colours, so NO_COLOR holds). --dataset-format ID picks the dataset plugin (`--format ID` is\n"
    "still read as that where it is not text or json). Exit status: 0 ok, 1 bad input, 2 usage,\n"
    "130 interrupted.\n";

void printUsage(std::FILE* out) {
  std::fputs("usage: handalign <command> [options]     (handalign <command> --help)\n\ncommands:\n",
             out);
  for (const CommandHelp& c : kCommands) std::fprintf(out, "  %s", c.text);
  std::fputs(kTail, out);
}

const CommandHelp* findCommand(const std::string& name) {
  for (const CommandHelp& c : kCommands)
    if (name == c.name) return &c;
  return nullptr;
}

bool asksForHelp(const std::vector<std::string>& args) {
  for (const std::string& a : args) {
    if (a == "--") return false;
    if (a == "--help" || a == "-h") return true;
  }
  return false;
}

int listPlugins() {
  const auto& registry = handalign::PluginRegistry::instance();
  std::printf("search path:\n");
  for (const auto& p : handalign::PluginRegistry::searchPaths())
    std::printf("  %s\n", p.string().c_str());
  std::printf("dataset formats:\n");
  for (const auto* f : registry.datasetFormats())
    std::printf("  %-10s %s\n", f->id().c_str(), f->description().c_str());
  for (const auto& e : registry.loadErrors()) std::printf("  failed: %s\n", e.c_str());
  return registry.datasetFormats().empty() ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace handalign::cli;
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
      !std::strcmp(argv[1], "help")) {
    printUsage(argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  if (!std::strcmp(argv[1], "--version")) {
    std::printf("handalign %s\n", HANDALIGN_VERSION);
    return 0;
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (asksForHelp(args)) {
    if (const CommandHelp* c = findCommand(command)) {
      std::printf("usage: handalign %s%s", c->text, kTail);
      return 0;
    }
  }
  handalign::installInterruptHandler();
  try {
    if (command == "eval") return runEval(args);
    if (command == "metrics") return runMetrics(args);
    if (command == "synth") return runSynth(args);
    if (command == "merge") return runMerge(args);
    if (command == "slurm") return runSlurm(args);
    if (command == "annotations") return runAnnotations(args);
#ifdef HANDALIGN_WITH_FIGURES
    if (command == "figure") return runFigure(args);
#endif
#ifdef HANDALIGN_WITH_INFERENCE
    if (command == "infer") return runInfer(args);
#endif
    if (command == "plugins") return listPlugins();
    printError("unknown command \"" + command + "\" (see handalign --help)");
    return 2;
  } catch (const UsageError& e) {
    printError(std::string(e.what()) + " (see handalign --help)");
    return 2;
  } catch (const handalign::InputError& e) {
    printError(e.what());
    return 1;
  } catch (const handalign::Cancelled&) {
    printError("interrupted; no output was written");
    return 130;
  } catch (const std::exception& e) {
    printError(e.what());
    return 1;
  }
}
