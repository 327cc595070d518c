// The TorchScript network and the checks every network's outputs go through.
#include "inference/Network.h"

#include "util/Error.h"

#include <algorithm>
#include <sstream>

namespace handalign::inference {
namespace {

std::string shapeText(const torch::Tensor& t) {
  std::ostringstream s;
  s << '[';
  for (std::int64_t d = 0; d < t.dim(); ++d) s << (d ? ", " : "") << t.size(d);
  s << ']';
  return s.str();
}

class ScriptNetwork : public Network {
 public:
  ScriptNetwork(const ModelManifest& manifest, const NetworkPlacement& placement)
      : manifest_(manifest), placement_(placement) {
    try {
      module_ = torch::jit::load(manifest.checkpoint.string(), placement.device);
    } catch (const std::exception& e) {
      throw InputError(manifest.checkpoint,
                       "is not a TorchScript checkpoint (" + torchMessage(e) + ")");
    }
    if (!module_.find_method("forward"))
      throw InputError(manifest.checkpoint, "is a TorchScript module without a forward method");
    module_.eval();
    if (placement.dtype != torch::kFloat) module_.to(placement.dtype);
  }

  NetworkOutputs forward(const torch::Tensor& input) override {
    torch::jit::IValue result;
    try {
      result = module_.forward({input});
    } catch (const std::exception& e) {
      throw InputError(manifest_.checkpoint,
                       "failed on a " + shapeText(input) + " input: " + torchMessage(e));
    }
    NetworkOutputs out;
    if (manifest_.rough.given()) out.rough = select(result, manifest_.rough, "rough");
    const auto optional = [&](const OutputRef& ref, const char* role) {
      return ref.given() ? select(result, ref, role) : torch::Tensor();
    };
    out.manoPose = optional(manifest_.manoPose, "mano.pose");
    out.manoGlobal = optional(manifest_.manoGlobal, "mano.global_orient");
    out.manoShape = optional(manifest_.manoShape, "mano.shape");
    out.manoTranslation = optional(manifest_.manoTranslation, "mano.translation");
    out.camera = optional(manifest_.camera, "camera");
    if (manifest_.refined.given()) out.refined = select(result, manifest_.refined, "refined");
    if (manifest_.refinedOffsets.given()) {
      const torch::Tensor offsets = select(result, manifest_.refinedOffsets, "refined_offsets");
      if (!offsets.sizes().equals(out.rough.sizes()))
        throw InputError(manifest_.checkpoint, "output " + manifest_.refinedOffsets.str() +
                                                   " (refined_offsets) is " + shapeText(offsets) +
                                                   ", the rough mesh " + shapeText(out.rough));
      out.refined = out.rough + offsets;
    }
    if (manifest_.joints.given()) out.joints = select(result, manifest_.joints, "joints");
    if (manifest_.segmentation.given() && placement_.segmentation)
      out.segmentation = select(result, manifest_.segmentation, "segmentation");
    return out;
  }

 private:
  torch::Tensor select(const torch::jit::IValue& v, const OutputRef& ref, const char* role) const {
    const auto fail = [&](const std::string& problem) -> torch::Tensor {
      throw InputError(manifest_.checkpoint, std::string("has no output ") + ref.str() + " (" +
                                                 role + " in " + manifest_.file.string() +
                                                 "): " + problem);
    };
    torch::jit::IValue item;
    if (!ref.key.empty()) {
      if (!v.isGenericDict()) return fail("forward() does not return a dict");
      const auto dict = v.toGenericDict();
      for (const auto& entry : dict)
        if (entry.key().isString() && entry.key().toStringRef() == ref.key) item = entry.value();
      if (item.isNone()) return fail("the returned dict has no such key");
    } else if (v.isTuple()) {
      const auto& elements = v.toTupleRef().elements();
      if (std::size_t(ref.index) >= elements.size())
        return fail("forward() returns a tuple of " + std::to_string(elements.size()));
      item = elements[std::size_t(ref.index)];
    } else if (v.isList()) {
      const auto list = v.toListRef();
      if (std::size_t(ref.index) >= list.size())
        return fail("forward() returns a list of " + std::to_string(list.size()));
      item = list[std::size_t(ref.index)];
    } else if (v.isTensor() && ref.index == 0) {
      item = v;
    } else if (v.isGenericDict()) {
      return fail("forward() returns a dict: name its outputs by key");
    } else {
      return fail("forward() returns a single " + std::string(v.tagKind()));
    }
    if (!item.isTensor()) return fail("it is a " + std::string(item.tagKind()) + ", not a tensor");
    return item.toTensor();
  }

  const ModelManifest& manifest_;
  NetworkPlacement placement_;
  torch::jit::Module module_;
};

}  // namespace

std::unique_ptr<Network> loadScriptNetwork(const ModelManifest& manifest,
                                           const NetworkPlacement& placement) {
  return std::make_unique<ScriptNetwork>(manifest, placement);
}

void checkOutputs(const NetworkOutputs& o, std::int64_t batch, const ModelManifest& m) {
  const auto check = [&](const torch::Tensor& t, const char* role, std::int64_t rows,
                         const std::string& why) {
    if (!t.defined()) return;
    const bool ok = t.dim() == 3 && t.size(0) == batch && t.size(1) == rows && t.size(2) == 3 &&
                    t.is_floating_point();
    if (!ok)
      throw InputError(m.checkpoint, std::string("output \"") + role + "\" is " + shapeText(t) +
                                         (t.is_floating_point() ? "" : " (not floating point)") +
                                         ", expected [" + std::to_string(batch) + ", " +
                                         std::to_string(rows) + ", 3] (" + why + ")");
  };
  const std::string vertices = m.file.filename().string() + " gives the hand model " +
                               std::to_string(m.vertexCount) + " vertices";
  check(o.rough, "rough", m.vertexCount, vertices);
  // MANO parameters and the camera: per sample, a number of values (any shape after the batch).
  const auto values = [&](const torch::Tensor& t, const char* role,
                          const std::vector<std::int64_t>& allowed, const std::string& what) {
    if (!t.defined()) return;
    const std::int64_t n = t.dim() >= 1 && t.size(0) == batch ? t.numel() / batch : -1;
    bool ok = t.is_floating_point() && n >= 0;
    if (ok && !allowed.empty()) ok = std::find(allowed.begin(), allowed.end(), n) != allowed.end();
    if (ok && allowed.empty()) ok = n >= 1 && n <= 300;
    if (!ok)
      throw InputError(m.checkpoint, std::string("output \"") + role + "\" is " + shapeText(t) +
                                         ", expected " + what + " per sample of a batch of " +
                                         std::to_string(batch));
  };
  if (m.hasMano()) {
    const bool global = !m.manoGlobal.given();  // the pose holds the global rotation
    switch (m.manoPoseFormat) {
      case ManoPoseFormat::AxisAngle:
        values(o.manoPose, "mano.pose", {global ? 48 : 45},
               global ? "48 axis-angle values" : "45 axis-angle values");
        break;
      case ManoPoseFormat::RotationMatrix:
        values(o.manoPose, "mano.pose", {global ? 144 : 135},
               global ? "16 rotation matrices" : "15 rotation matrices");
        break;
      case ManoPoseFormat::Pca:
        values(o.manoPose, "mano.pose", {}, "PCA coefficients");
        break;
    }
    values(o.manoGlobal, "mano.global_orient",
           {m.manoPoseFormat == ManoPoseFormat::RotationMatrix ? 9 : 3},
           "a global rotation (3 axis-angle values or a 3×3 matrix)");
    values(o.manoShape, "mano.shape", {}, "1..300 shape coefficients");
    values(o.manoTranslation, "mano.translation", {3}, "3 values (metres)");
  }
  values(o.camera, "camera", {3}, "3 values (s, tx, ty)");
  check(o.refined, "refined", m.vertexCount, vertices);
  check(o.joints, "joints", 21, "the 21 FreiHAND joints");
  const torch::Tensor& s = o.segmentation;
  if (s.defined() && !(s.dim() == 4 && s.size(0) == batch && s.size(1) >= 1 && s.size(2) >= 1 &&
                       s.size(3) >= 1 && s.is_floating_point()))
    throw InputError(m.checkpoint, "output \"segmentation\" is " + shapeText(s) + ", expected [" +
                                       std::to_string(batch) + ", classes, height, width] logits");
}

NetworkOutputs NetworkOutputs::onCpu() const {
  const auto cpu = [](const torch::Tensor& t) {
    return t.defined() ? t.to(torch::kCPU, torch::kFloat).contiguous() : t;
  };
  NetworkOutputs o;
  o.rough = cpu(rough), o.refined = cpu(refined), o.joints = cpu(joints);
  o.segmentation = cpu(segmentation);
  o.manoPose = cpu(manoPose), o.manoGlobal = cpu(manoGlobal), o.manoShape = cpu(manoShape);
  o.manoTranslation = cpu(manoTranslation), o.camera = cpu(camera);
  return o;
}

std::string torchMessage(const std::exception& e) {
  const auto* c10 = dynamic_cast<const c10::Error*>(&e);
  std::string text = c10 ? c10->what_without_backtrace() : e.what();
  // Errors raised inside TorchScript put the interpreter's traceback first and the error last.
  const std::size_t raised = text.rfind("Error: ");
  if (text.find("TorchScript interpreter") != std::string::npos && raised != std::string::npos)
    text = text.substr(text.rfind('\n', raised) + 1);
  const std::size_t eol = text.find('\n');
  if (eol != std::string::npos) text.resize(eol);
  return text;
}

}  // namespace handalign::inference
